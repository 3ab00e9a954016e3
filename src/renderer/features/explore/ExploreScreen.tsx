// The Explore screen: pick a table (gold first), see a profile of every column computed by DuckDB,
// and chart it — x grouped by calendar bucket, bin or value, y aggregated — with the SQL on request.
// Without tables it says how to get some: load data on Ingest, run the pipeline on Runs.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { screenHash } from '../../screens.js';
import { selectExploreTable } from '../../stores/explore/selectors.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { selectCatalog } from '../../stores/tables/selectors.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { ChartPanel } from './ChartPanel.js';
import { ProfilePanel } from './ProfilePanel.js';
import { tableId, TablePicker } from './TablePicker.js';
import { useReprofileOnRebuild } from './use-reprofile.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import './explore.css';

export function ExploreScreen() {
  const { tables, status, error, load } = useTablesStore(useShallow(selectCatalog));
  const { selected, selectTable } = useExploreStore(useShallow(selectExploreTable));
  const connected = useConnectionStore(selectConnected);
  useEffect(() => {
    if (status === 'idle' && connected) void load();
  }, [status, load, connected]);
  useReprofileOnRebuild(selected, tables);
  const hasGold = tables.some((t) => t.layer === 'gold');

  return (
    <div className="screen explore">
      <div className="screen__header">
        <h1>Explore</h1>
        {tables.length > 0 ? <TablePicker tables={tables} selected={selected} onSelect={selectTable} /> : null}
      </div>
      {status === 'error' && tables.length === 0 && error ? (
        <ErrorCallout error={error} />
      ) : status !== 'ready' && tables.length === 0 ? (
        <p className="loading-line">Loading the tables…</p>
      ) : tables.length === 0 ? (
        <div className="empty-state">
          <h2>No tables to explore yet</h2>
          <p>
            Load data files on <a href={screenHash('ingest')}>Ingest</a> to create bronze tables, then run the pipeline on <a href={screenHash('runs')}>Runs</a> to build
            silver and gold. Each table then appears here with a profile of its columns.
          </p>
        </div>
      ) : selected === null ? (
        <div className="empty-state">
          <h2>Pick a table to explore</h2>
          <p>Choose a table above: Explore profiles every column (NULLs, distinct values, range, most frequent values, a histogram) and draws a chart of it.</p>
          {hasGold ? null : (
            <p className="hint">
              There are no gold tables yet: run the pipeline on <a href={screenHash('runs')}>Runs</a> to build them. Bronze and silver tables can be explored meanwhile.
            </p>
          )}
        </div>
      ) : (
        <>
          <ProfilePanel id={tableId(selected)} />
          <ChartPanel id={tableId(selected)} />
        </>
      )}
    </div>
  );
}
