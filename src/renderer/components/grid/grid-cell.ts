// Turns a display value (or a page still loading or failed) into a Glide grid cell.
import { GridCellKind, type GridCell, type Theme } from '@glideapps/glide-data-grid';
import type { CellValue } from './arrow-values.js';

const LOADING: GridCell = { kind: GridCellKind.Loading, allowOverlay: false };

/** The grid cell for `value`; `undefined` means its page is still on its way. */
export function gridCell(value: CellValue | undefined, failed: boolean, nullTheme: Partial<Theme>): GridCell {
  if (value === undefined) {
    if (!failed) return LOADING;
    return { kind: GridCellKind.Text, data: '', displayData: 'not loaded', allowOverlay: false, readonly: true, style: 'faded' };
  }
  return {
    kind: GridCellKind.Text,
    data: value.kind === 'null' ? '' : value.text,
    displayData: value.text,
    copyData: value.kind === 'null' ? '' : value.text,
    allowOverlay: value.kind === 'text',
    readonly: true,
    contentAlign: value.align,
    ...(value.kind === 'null' ? { themeOverride: nullTheme } : {}),
  };
}
