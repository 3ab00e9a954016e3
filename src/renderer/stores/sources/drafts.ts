// The rules of the files added on the Ingest screen (drafts), as pure functions the store applies:
// how a typed or dropped path is normalised, which drafts a new add replaces (never one whose
// load is running), and whether a file lies outside the workspace folder.
import type { FileDraft } from './initial-state.js';

/** The path as the engine should get it: trimmed, without leading `./`. */
export function normalizePath(path: string): string {
  let p = path.trim();
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * Adds `paths` as new drafts in front, each replacing an older draft of the same path — unless
 * that one is busy (its load running), which stays as it is and is not added again.
 */
export function addDrafts(drafts: readonly FileDraft[], paths: readonly string[], isBusy: (d: FileDraft) => boolean, nextId: () => number): { drafts: FileDraft[]; added: FileDraft[] } {
  const wanted = [...new Set(paths.map(normalizePath).filter((p) => p !== ''))];
  const busy = new Set(drafts.filter(isBusy).map((d) => d.path));
  const added = wanted.filter((p) => !busy.has(p)).map((path): FileDraft => ({ id: nextId(), path, preview: { status: 'loading' }, source: null, addError: null }));
  const replaced = new Set(added.map((d) => d.path));
  return { drafts: [...added, ...drafts.filter((d) => !replaced.has(d.path))], added };
}

/** `drafts` with the one of `id` changed (none changed when it was removed meanwhile). */
export function patchDraft(drafts: readonly FileDraft[], id: number, change: Partial<Omit<FileDraft, 'id'>>): FileDraft[] {
  return drafts.map((d) => (d.id === id ? { ...d, ...change } : d));
}

/** Whether `path` (absolute, or relative to the workspace) names a file outside the workspace folder `root`. */
export function isOutsideWorkspace(root: string, path: string): boolean {
  const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
  if (!absolute) return normalizePath(path).startsWith('../');
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const base = root.endsWith(sep) ? root : root + sep;
  return !path.startsWith(base);
}
