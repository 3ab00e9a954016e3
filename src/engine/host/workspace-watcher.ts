// Watches the workspace's user files — sources/*.yaml, models/**/*.sql|yaml, capacity/*.yaml and
// ingot.yaml — and reports each addition, change or removal once (editors write in bursts), so
// every open window can refresh what it shows.
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { WorkspaceChange } from '../../shared/api/workspace.js';
import type { WorkspacePaths } from '../workspace/workspace.js';

const DEBOUNCE_MS = 60;
const YAML = ['.yaml', '.yml'];

interface Area {
  kind: WorkspaceChange['kind'];
  dir: string;
  recursive: boolean;
  accepts: (file: string) => boolean;
}

/** Starts watching; returns the function that stops it. */
export async function watchWorkspace(paths: WorkspacePaths, onChange: (change: WorkspaceChange) => void): Promise<() => void> {
  const areas: Area[] = [
    { kind: 'source', dir: paths.sources, recursive: false, accepts: (f) => YAML.includes(extname(f)) },
    { kind: 'model', dir: paths.models, recursive: true, accepts: (f) => ['.sql', ...YAML].includes(extname(f)) },
    { kind: 'scenario', dir: paths.capacity, recursive: false, accepts: (f) => YAML.includes(extname(f)) },
    { kind: 'config', dir: paths.root, recursive: false, accepts: (f) => f === 'ingot.yaml' },
  ];
  const known = new Set<string>();
  for (const area of areas) {
    for (const file of await listFiles(area.dir, area.recursive)) if (area.accepts(file)) known.add(join(area.dir, file));
  }
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settle = (area: Area, abs: string): void => {
    timers.delete(abs);
    const exists = existsSync(abs);
    const change: WorkspaceChange['change'] | undefined = exists ? (known.has(abs) ? 'changed' : 'added') : known.has(abs) ? 'removed' : undefined;
    if (exists) known.add(abs);
    else known.delete(abs);
    if (change) onChange({ kind: area.kind, path: relative(paths.root, abs), change });
  };
  const watchers = new Map<string, FSWatcher>();
  // Each folder is watched on its own: Node's recursive watcher on Linux loses track of a file
  // once it has been replaced by a rename (as editors and Ingot's own atomic saves do).
  const watchDir = (area: Area, dir: string): void => {
    if (watchers.has(dir) || !existsSync(dir)) return;
    const watcher = watch(dir, (_event, file) => {
      if (!file) return;
      const abs = join(dir, String(file));
      if (area.recursive && !watchers.has(abs) && isDirectory(abs)) {
        watchDir(area, abs);
        return;
      }
      if (!area.accepts(String(file))) return;
      clearTimeout(timers.get(abs));
      timers.set(abs, setTimeout(() => settle(area, abs), DEBOUNCE_MS));
    });
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };
  for (const area of areas) {
    watchDir(area, area.dir);
    if (area.recursive) for (const sub of await listDirs(area.dir)) watchDir(area, join(area.dir, sub));
  }
  return () => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function listDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function listFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}
