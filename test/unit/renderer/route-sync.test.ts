// The hash and the stores kept in step: what the user opens becomes a history entry, a link opens
// its item once the data has arrived (or says it is gone), Back steps through, a navigation link
// keeps what the screen had open. A small in-memory window stands in for the browser's history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary, TableInfo } from '../../../src/shared/api/index.js';

/** The part of a browser window the route follows: the hash, its history, hashchange. */
class HistoryWindow extends EventTarget {
  entries = [''];
  index = 0;
  readonly location = { hash: '' };
  readonly history = {
    state: null,
    pushState: (_state: unknown, _title: string, url: string): void => {
      this.entries = [...this.entries.slice(0, this.index + 1), url];
      this.index = this.entries.length - 1;
      this.location.hash = url;
    },
    replaceState: (_state: unknown, _title: string, url: string): void => {
      this.entries[this.index] = url;
      this.location.hash = url;
    },
  };

  /** The user follows a link to `hash` (or types it). */
  open(hash: string): void {
    this.history.pushState(null, '', hash);
    this.dispatchEvent(new Event('hashchange'));
  }

  back(): void {
    this.index -= 1;
    this.location.hash = this.entries[this.index] ?? '';
    this.dispatchEvent(new Event('hashchange'));
  }
}

const browser = new HistoryWindow();
(globalThis as { window?: unknown }).window = browser;

const { connectRoute } = await import('../../../src/renderer/route-sync.js');
const { useTablesStore } = await import('../../../src/renderer/stores/tables/store.js');
const { initialTablesState } = await import('../../../src/renderer/stores/tables/initial-state.js');
const { useRunsStore } = await import('../../../src/renderer/stores/runs/store.js');
const { initialRunsState } = await import('../../../src/renderer/stores/runs/initial-state.js');
const { useToastsStore } = await import('../../../src/renderer/stores/toasts/store.js');
const { useUiStore } = await import('../../../src/renderer/stores/ui/store.js');

const table = (name: string): TableInfo => ({ layer: 'bronze', name, rows: 1, bytes: 1, columns: [], lastLoadedAt: null, kind: 'table' });
const run = (runId: number): RunSummary => ({ runId, trigger: 'manual', selection: '', status: 'success', startedAt: '2026-01-01T00:00:00Z', finishedAt: null, durationMs: 1, models: [] });
const toastTitles = (): string[] => useToastsStore.getState().toasts.map((t) => t.title);

let disconnect: () => void = () => undefined;

function start(hash: string): void {
  browser.entries = [hash];
  browser.index = 0;
  browser.location.hash = hash;
  disconnect = connectRoute();
}

beforeEach(() => {
  useTablesStore.setState(initialTablesState);
  useRunsStore.setState(initialRunsState);
  useToastsStore.setState({ toasts: [] });
  useUiStore.setState({ screen: 'tables' });
});
afterEach(() => disconnect());

describe('a link', () => {
  it('is followed even when a store changes before its hashchange arrives', () => {
    start('#/runs');
    useUiStore.setState({ screen: 'runs' });
    useRunsStore.setState({ status: 'ready', runs: [run(1)] });
    // The user clicks the Tables link: the hash changes now, the hashchange event comes later…
    browser.location.hash = '#/tables';
    browser.entries.push('#/tables');
    browser.index += 1;
    // …and in between, data arrives in a store (a profile, a run list).
    useRunsStore.setState({ runs: [run(2), run(1)] });
    expect(browser.location.hash).toBe('#/tables');
    browser.dispatchEvent(new Event('hashchange'));
    expect(useUiStore.getState().screen).toBe('tables');
  });

  it('opens its run once the run history has arrived', () => {
    start('#/runs/2');
    expect(useUiStore.getState().screen).toBe('runs');
    expect(useRunsStore.getState().selectedRunId).toBeNull();
    expect(browser.location.hash).toBe('#/runs/2');
    useRunsStore.setState({ status: 'ready', runs: [run(3), run(2), run(1)] });
    expect(useRunsStore.getState().selectedRunId).toBe(2);
    expect(browser.entries).toEqual(['#/runs/2']);
    expect(toastTitles()).toEqual([]);
  });

  it('to something that is not there says so and shows the screen without it', () => {
    start('#/tables/bronze.gone');
    useTablesStore.setState({ status: 'ready', tables: [table('orders')] });
    expect(useTablesStore.getState().open).toBeNull();
    expect(browser.entries).toEqual(['#/tables']);
    expect(toastTitles()).toEqual(['Table bronze.gone is not in the workspace any more; showing all tables.']);
  });
});

describe('opening and Back', () => {
  it('make each opened table a history entry, and Back steps through them to the list', () => {
    start('');
    useTablesStore.setState({ status: 'ready', tables: [table('orders'), table('customers')] });
    useTablesStore.getState().openTable('bronze', 'orders');
    useTablesStore.getState().openTable('bronze', 'customers');
    expect(browser.entries).toEqual(['', '#/tables/bronze.orders', '#/tables/bronze.customers']);
    browser.back();
    expect(useTablesStore.getState().open).toEqual({ layer: 'bronze', name: 'orders' });
    browser.back();
    expect(useTablesStore.getState().open).toBeNull();
    expect(browser.entries).toHaveLength(3);
  });

  it('put a screen and what it opens in one entry, and a table that went away replaces its entry', () => {
    start('#/runs');
    useTablesStore.setState({ status: 'ready', tables: [table('orders')] });
    useTablesStore.getState().openTable('bronze', 'orders');
    useUiStore.getState().navigate('tables');
    expect(browser.entries).toEqual(['#/runs', '#/tables/bronze.orders']);
    // A run dropped the table: the list shows, in place of the entry of the table.
    useTablesStore.setState({ tables: [], open: null });
    expect(browser.entries).toEqual(['#/runs', '#/tables']);
  });

  it('keep what a screen has open when a navigation link enters it', () => {
    start('');
    useTablesStore.setState({ status: 'ready', tables: [table('orders')] });
    useTablesStore.getState().openTable('bronze', 'orders');
    browser.open('#/runs');
    browser.open('#/tables');
    expect(useTablesStore.getState().open).toEqual({ layer: 'bronze', name: 'orders' });
    expect(browser.entries).toEqual(['', '#/tables/bronze.orders', '#/runs', '#/tables/bronze.orders']);
  });
});
