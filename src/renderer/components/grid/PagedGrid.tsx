// The app's data grid: a Glide canvas grid over a paged source. It shows any number of rows while
// holding only a few pages of Arrow data; Tables uses it today, Explore and SQL results will too.
import { DataEditor, GridColumnIcon, type DataEditorRef, type GridColumn, type Item } from '@glideapps/glide-data-grid';
import '@glideapps/glide-data-grid/dist/index.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { columnKind, columnWidth, fittedWidth, type ColumnKind, type ColumnSpec } from './column-layout.js';
import { gridCell } from './grid-cell.js';
import { nullCellTheme, useGridTheme } from './grid-theme.js';
import type { PageFetcher } from './page-cache.js';
import { PagingStatus } from './PagingStatus.js';
import { usePageCache } from './use-page-cache.js';

export interface PagedGridProps {
  /** Accessible name, e.g. "Rows of bronze.orders". */
  label: string;
  /** Changes whenever the rows behind the grid change (another table, a reload). */
  sourceKey: string;
  columns: readonly ColumnSpec[];
  rowCount: number;
  fetchPage: PageFetcher;
  onError: (error: unknown) => void;
}

const ICONS: Record<ColumnKind, GridColumnIcon> = {
  number: GridColumnIcon.HeaderNumber,
  text: GridColumnIcon.HeaderString,
  boolean: GridColumnIcon.HeaderBoolean,
  date: GridColumnIcon.HeaderDate,
  time: GridColumnIcon.HeaderTime,
  nested: GridColumnIcon.HeaderArray,
};

export function PagedGrid({ label, sourceKey, columns, rowCount, fetchPage, onError }: PagedGridProps) {
  const gridRef = useRef<DataEditorRef>(null);
  const theme = useGridTheme();
  const nullTheme = useMemo(() => nullCellTheme(theme), [theme]);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const paging = usePageCache(sourceKey, rowCount, fetchPage, gridRef, onError);
  const { cache } = paging;
  // Widths grown to fit the values shown so far (never shrunk while scrolling); a width the user
  // dragged wins. They start over with other rows.
  const [fitted, setFitted] = useState<{ key: string; widths: Record<string, number> }>({ key: sourceKey, widths: {} });
  const fittedWidths = useMemo<Record<string, number>>(() => (fitted.key === sourceKey ? fitted.widths : {}), [fitted, sourceKey]);
  const { first, last } = paging.visible;
  useEffect(() => {
    if (!cache) return;
    const grown: Record<string, number> = {};
    columns.forEach((c, col) => {
      let longest = 0;
      for (let row = first; row <= last; row++) longest = Math.max(longest, cache.cell(row, col)?.text.length ?? 0);
      const width = fittedWidth(c, longest);
      if (width > (fittedWidths[c.name] ?? columnWidth(c))) grown[c.name] = width;
    });
    if (Object.keys(grown).length > 0) setFitted({ key: sourceKey, widths: { ...fittedWidths, ...grown } });
  }, [cache, columns, first, last, paging.stats.fetched, sourceKey, fittedWidths]);

  const gridColumns = useMemo<GridColumn[]>(
    () =>
      columns.map((c) => ({
        id: c.name,
        title: c.name,
        width: widths[c.name] ?? fittedWidths[c.name] ?? columnWidth(c),
        icon: ICONS[columnKind(c.type)],
      })),
    [columns, widths, fittedWidths],
  );

  const getCellContent = useCallback(([col, row]: Item) => gridCell(cache?.cell(row, col), cache?.hasFailed(row) ?? false, nullTheme), [cache, nullTheme]);

  return (
    <div className="paged-grid" role="region" aria-label={label}>
      <div className="paged-grid__canvas">
        <DataEditor
          ref={gridRef}
          width="100%"
          height="100%"
          theme={theme}
          columns={gridColumns}
          rows={rowCount}
          getCellContent={getCellContent}
          onVisibleRegionChanged={paging.onVisibleRegionChanged}
          onColumnResize={(column, newSize) => setWidths((w) => ({ ...w, [column.id ?? column.title]: newSize }))}
          rowMarkers="number"
          smoothScrollX
          smoothScrollY
          getCellsForSelection
          rowHeight={28}
          headerHeight={32}
        />
      </div>
      <PagingStatus rowCount={rowCount} visible={paging.visible} stats={paging.stats} pageSize={cache?.pageSize ?? 0} onRetry={paging.retry} />
    </div>
  );
}
