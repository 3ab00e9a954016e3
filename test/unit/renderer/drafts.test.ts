// The rules of files added on the Ingest screen: paths normalised and de-duplicated, a new add
// replacing an older draft of the same path but never one whose load runs, updates by id only,
// the outside-the-workspace test, and what the desktop bridge tells about dropped files.
import { describe, expect, it } from 'vitest';
import { droppedFilePaths, locatesDroppedFiles } from '../../../src/renderer/api/desktop-bridge.js';
import { addDrafts, isOutsideWorkspace, normalizePath, patchDraft } from '../../../src/renderer/stores/sources/drafts.js';
import type { FileDraft } from '../../../src/renderer/stores/sources/initial-state.js';

const counter = (): (() => number) => {
  let n = 0;
  return () => ++n;
};
const draft = (id: number, path: string, source: string | null = null): FileDraft => ({ id, path, preview: { status: 'loading' }, source, addError: null });

describe('added files', () => {
  it('normalise and de-duplicate paths, newest first', () => {
    expect(normalizePath('  ././data/x.csv ')).toBe('data/x.csv');
    const { drafts, added } = addDrafts([], ['data/x.csv', './data/x.csv', ' ', '/abs/y.csv'], () => false, counter());
    expect(added.map((d) => [d.id, d.path])).toEqual([
      [1, 'data/x.csv'],
      [2, '/abs/y.csv'],
    ]);
    expect(drafts).toEqual(added);
  });

  it('replace an older draft of the same path, but leave one whose load is running', () => {
    const old = [draft(1, 'a.csv'), draft(2, 'b.csv', 'b'), draft(3, 'c.csv')];
    const { drafts, added } = addDrafts(old, ['a.csv', 'b.csv'], (d) => d.source === 'b', counter());
    expect(added.map((d) => d.path)).toEqual(['a.csv']);
    expect(drafts.map((d) => [d.id, d.path])).toEqual([
      [1, 'a.csv'],
      [2, 'b.csv'],
      [3, 'c.csv'],
    ]);
    expect(drafts[0]).not.toBe(old[0]);
    expect(drafts[1]).toBe(old[1]);
  });

  it('change a draft by id only, and nothing once it was removed', () => {
    const drafts = [draft(1, 'a.csv'), draft(2, 'a.csv')];
    expect(patchDraft(drafts, 2, { source: 'a' }).map((d) => d.source)).toEqual([null, 'a']);
    expect(patchDraft(drafts, 9, { source: 'a' })).toEqual(drafts);
  });

  it('tell files outside the workspace folder', () => {
    expect(isOutsideWorkspace('/home/ana/shop', 'data/x.csv')).toBe(false);
    expect(isOutsideWorkspace('/home/ana/shop', '/home/ana/shop/data/x.csv')).toBe(false);
    expect(isOutsideWorkspace('/home/ana/shop', '/home/ana/shop-old/x.csv')).toBe(true);
    expect(isOutsideWorkspace('/home/ana/shop', '/home/ana/Downloads/x.csv')).toBe(true);
    expect(isOutsideWorkspace('/home/ana/shop', '../x.csv')).toBe(true);
    expect(isOutsideWorkspace('C:\\Users\\ana\\shop', 'C:\\Users\\ana\\shop\\data\\x.csv')).toBe(false);
    expect(isOutsideWorkspace('C:\\Users\\ana\\shop', 'D:\\x.csv')).toBe(true);
  });

  it('learn dropped files’ paths from the desktop bridge only', () => {
    const file = { name: 'x.csv' } as File;
    expect(locatesDroppedFiles({})).toBe(false);
    expect(droppedFilePaths([file], {})).toEqual(['']);
    const desktop = { ingotDesktop: { pathForFile: (f: File) => `/disk/${f.name}` } };
    expect(locatesDroppedFiles(desktop)).toBe(true);
    expect(droppedFilePaths([file], desktop)).toEqual(['/disk/x.csv']);
  });
});
