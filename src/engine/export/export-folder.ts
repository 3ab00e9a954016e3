// The folder an export writes into. An export only ever writes into a folder that is new, empty,
// or holds an earlier export of the same kind (found by its marker file), so Ingot's files never
// mix with the user's. Everything is first written to a staging folder inside it
// (`.ingot-staging-<id>/new/…`) and then swapped in by renames (see swap.ts); a staging folder
// that a killed export left behind is cleared on the next export, after undoing its swap.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import { ownedPlaceOf, type OwnedPaths } from '../workspace/owned-places.js';
import { undoInterruptedSwap } from './swap.js';

const STAGING_PREFIX = '.ingot-staging-';
/** Virtual file systems of the kernel (Linux). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** What kind of export a folder holds, and the file that marks it. */
export interface ExportKind {
  /** For messages: "Parquet lake", "dbt project". */
  label: string;
  /** The file an export of this kind always writes at the top of its folder. */
  marker: string;
  /** The command that writes it, for hints. */
  command: string;
  /** That command with an example folder, for hints. */
  example: string;
}

export interface ExportFolder {
  /** Absolute path of the export folder. */
  root: string;
  /** Absolute path of this export's staging folder inside `root`. */
  staging: string;
  /** Where new content is written: `<staging>/new`. */
  fresh: string;
}

/**
 * Opens `dir` for an export of `kind`: creates it when missing, refuses a non-empty folder without
 * the kind's marker, clears staging folders an interrupted export left, and makes a new one.
 */
export async function openExportFolder(dir: string, kind: ExportKind, workspace: WorkspaceFolders): Promise<ExportFolder> {
  const root = resolve(dir);
  await checkExportFolder(root, kind, workspace);
  await guardFs(() => mkdir(root, { recursive: true }), root, kind);
  await clearLeftoverStaging(root);
  const staging = join(root, `${STAGING_PREFIX}${randomUUID().slice(0, 8)}`);
  const fresh = join(staging, 'new');
  await guardFs(() => mkdir(fresh, { recursive: true }), root, kind);
  return { root, staging, fresh };
}

/** Removes this export's staging folder (and the earlier export it replaced, kept there until now). */
export async function closeExportFolder(folder: ExportFolder): Promise<void> {
  await rm(folder.staging, { recursive: true, force: true });
}

/** The workspace folders an export must stay out of. */
export type WorkspaceFolders = OwnedPaths;

/**
 * Throws unless `root` is missing, empty, or an earlier export of `kind`, and outside the
 * workspace's models/, sources/ and .ingot/ folders. Writes nothing.
 */
export async function checkExportFolder(root: string, kind: ExportKind, workspace: WorkspaceFolders): Promise<void> {
  // Kernel file systems hold no files of ours; creating a folder in /proc never returns (Node's
  // recursive mkdir keeps retrying there), so they are refused before anything is touched.
  const system = SYSTEM_FOLDERS.find((f) => root === f || root.startsWith(f + sep));
  if (system !== undefined) {
    throw new IngotError('INVALID_INPUT', `${root} is inside ${system}, a folder of the operating system; the ${kind.label} cannot be written there.`, {
      hint: `Export to a folder of your own, e.g. \`${kind.example}\`.`,
      detail: { file: root },
    });
  }
  const owned = ownedPlaceOf(root, workspace);
  if (owned !== undefined) {
    throw new IngotError('INVALID_INPUT', `${root} is ${owned.where}, where ${owned.why}; the ${kind.label} does not belong there.`, {
      hint: `Export to a folder of its own, e.g. \`${kind.example}\`.`,
      detail: { file: root },
    });
  }
  if (!existsSync(root)) return;
  if (!(await stat(root)).isDirectory()) {
    throw new IngotError('INVALID_INPUT', `${root} is a file, not a folder, so the ${kind.label} cannot be written there.`, {
      hint: `Name a new or empty folder, e.g. \`${kind.example}\`.`,
      detail: { file: root },
    });
  }
  const entries = (await readdir(root)).filter((name) => !name.startsWith(STAGING_PREFIX));
  if (entries.length === 0 || entries.includes(kind.marker)) return;
  throw new IngotError('INVALID_INPUT', `${root} is not empty and holds no earlier ${kind.label} from Ingot (no ${kind.marker}), so Ingot will not write its files among yours.`, {
    hint: `Name a new or empty folder (e.g. \`${kind.example}\`), or empty this one first.`,
    detail: { file: root },
  });
}

/** Runs a file-system step of an export; turns a failure into an error naming the folder. */
export async function guardFs<T>(step: () => Promise<T>, path: string, kind: ExportKind): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw fsError(err, path, kind);
  }
}

/** A file-system failure while writing an export, as an error the user can act on. */
export function fsError(err: unknown, path: string, kind: ExportKind): IngotError {
  if (err instanceof IngotError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'something is already there',
    ENOSPC: 'the disk is full',
    EBUSY: 'it is in use',
    EXDEV: 'part of it is on another disk than the export folder (a link?), so it cannot be swapped by a rename',
  };
  const reason = (code !== undefined ? reasons[code] : undefined) ?? (err as Error).message;
  return new IngotError('INVALID_INPUT', `Cannot write the ${kind.label} at ${path}: ${reason}.`, {
    hint: `Check that the folder can be written (or choose another one) and run \`${kind.command}\` again; the earlier export there is unchanged.`,
    detail: { file: path },
    cause: err,
  });
}

/** Clears staging folders an interrupted export left in `root`, undoing a swap it left halfway. */
async function clearLeftoverStaging(root: string): Promise<void> {
  for (const name of await readdir(root)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    await undoInterruptedSwap(root, join(root, name));
    await rm(join(root, name), { recursive: true, force: true });
  }
}
