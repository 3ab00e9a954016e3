// Watches the workspace's user files — sources/*.yaml, models/**/*.sql|yaml, capacity/*.yaml and
// ingot.yaml — and reports each addition, change or removal once (editors write in bursts), so
// every open window can refresh what it shows.
import { existsSync, watch, type FSWatcher } from 'node:fs';
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
  const watchers: FSWatcher[] = [];
  for (const area of areas) {
    if (!existsSync(area.dir)) continue;
    const watcher = watch(area.dir, { recursive: area.recursive }, (_event, file) => {
      if (!file || !area.accepts(String(file))) return;
      const abs = join(area.dir, String(file));
      clearTimeout(timers.get(abs));
      timers.set(abs, setTimeout(() => settle(area, abs), DEBOUNCE_MS));
    });
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return () => {
    for (const w of watchers) w.close();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}

async function listFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}
