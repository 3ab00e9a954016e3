// Puts an export's new content in place by renames only, all or nothing. Each path moves from
// `<staging>/new/<path>` to `<root>/<path>`, the earlier entry there first moving aside to
// `<staging>/old/<path>`. A failed step undoes every step before it. A journal
// (`<staging>/swap.json`, written before the first rename) lets the next export undo a swap that
// a killed process left halfway, so an earlier export is never lost.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

interface JournalEntry {
  path: string;
  /** Whether `<root>/<path>` held an earlier export before the swap. */
  hadEarlier: boolean;
}

interface Journal {
  entries: JournalEntry[];
  /** Set once every path is in place: nothing to undo then. */
  done: boolean;
}

const JOURNAL = 'swap.json';

/**
 * Moves each of `paths` (relative to both folders) from `<staging>/new` into `root`, keeping the
 * entries they replace in `<staging>/old` (deleted with the staging folder). Throws the first
 * failure after undoing every move made.
 */
export async function swapIn(root: string, staging: string, paths: readonly string[]): Promise<void> {
  const entries = paths.map((path) => ({ path, hadEarlier: existsSync(join(root, path)) }));
  await writeJournal(staging, { entries, done: false });
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const { path, hadEarlier } of entries) {
      const target = join(root, path);
      const fresh = join(staging, 'new', path);
      const created = await mkdir(dirname(target), { recursive: true });
      if (created !== undefined) undo.push(() => removeEmptyFolders(dirname(target), created));
      if (hadEarlier) {
        const old = join(staging, 'old', path);
        await mkdir(dirname(old), { recursive: true });
        await rename(target, old);
        undo.push(() => rename(old, target));
      }
      await rename(fresh, target);
      undo.push(() => rename(target, fresh));
    }
    await writeJournal(staging, { entries, done: true });
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw err;
  }
}

/** Undoes what an interrupted `swapIn` with this staging folder did; a no-op when it finished or never began. */
export async function undoInterruptedSwap(root: string, staging: string): Promise<void> {
  const journal = await readJournal(staging);
  if (journal === undefined || journal.done) return;
  for (const { path, hadEarlier } of [...journal.entries].reverse()) {
    const target = join(root, path);
    const old = join(staging, 'old', path);
    // The new entry left `new/` only by moving to the target.
    if (existsSync(target) && !existsSync(join(staging, 'new', path))) await rm(target, { recursive: true, force: true });
    if (hadEarlier && existsSync(old)) await rename(old, target);
  }
}

/** Removes the empty folders from `deepest` up to and including `top` (which mkdir created). */
async function removeEmptyFolders(deepest: string, top: string): Promise<void> {
  for (let dir = deepest; dir.startsWith(top); dir = dirname(dir)) {
    await rmdir(dir);
    if (dir === top) return;
  }
}

async function writeJournal(staging: string, journal: Journal): Promise<void> {
  await writeFile(join(staging, JOURNAL), JSON.stringify(journal), 'utf8');
}

async function readJournal(staging: string): Promise<Journal | undefined> {
  try {
    return JSON.parse(await readFile(join(staging, JOURNAL), 'utf8')) as Journal;
  } catch {
    // No journal: the export stopped before swapping. A torn one: it stopped while marking itself done.
    return undefined;
  }
}
