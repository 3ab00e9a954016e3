// Source definitions: sources/<name>.yaml in the workspace, validated against their kind's
// schema (errors name the file, line and field). Also writes the definition for a bare file
// the user ingests directly.
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { IngotError } from '../../shared/errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { loadYamlFile } from '../workspace/yaml-file.js';
import { formatForPath } from './file/formats/index.js';
import { GLOB_CHARS, globFiles } from './file/resolve-files.js';
import { sourceKind, sourceKindNames } from './kinds.js';
import { kindProbeSchema, type SourceBase } from './source-schema.js';

export interface SourceDefinition<S extends SourceBase = SourceBase> {
  name: string;
  /** Workspace-relative path of the YAML file. */
  file: string;
  kind: string;
  options: S;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const YAML_EXT = ['.yaml', '.yml'];

/** Names of the sources in the workspace (sources/*.yaml), sorted. */
export async function listSourceNames(ws: Workspace): Promise<string[]> {
  if (!existsSync(ws.paths.sources)) return [];
  const entries = await readdir(ws.paths.sources);
  return entries
    .filter((f) => YAML_EXT.includes(extname(f).toLowerCase()))
    .map((f) => basename(f, extname(f)))
    .sort();
}

function definitionPath(ws: Workspace, name: string): string | undefined {
  return YAML_EXT.map((ext) => join(ws.paths.sources, name + ext)).find((p) => existsSync(p));
}

/** Whether sources/<name>.yaml (or .yml) exists. */
export function sourceExists(ws: Workspace, name: string): boolean {
  return NAME.test(name) && definitionPath(ws, name) !== undefined;
}

/** Loads and validates sources/<name>.yaml. */
export async function loadSource(ws: Workspace, name: string): Promise<SourceDefinition> {
  const path = definitionPath(ws, name);
  if (!path) {
    const known = await listSourceNames(ws);
    throw new IngotError('NOT_FOUND', `No source named "${name}".`, {
      hint: known.length > 0 ? `Sources in this workspace: ${known.join(', ')}.` : 'Create sources/<name>.yaml, or ingest a file path to create one.',
      detail: { file: `sources/${name}.yaml` },
    });
  }
  const file = ws.relative(path);
  if (!NAME.test(name)) {
    throw new IngotError('WORKSPACE_INVALID', `${file}: the source name "${name}" must use letters, digits and underscores, starting with a letter.`, {
      hint: 'Rename the file; the name becomes the table bronze.<name>.',
      detail: { file },
    });
  }
  const probe = await loadYamlFile(path, kindProbeSchema(sourceKindNames()), file);
  const kind = sourceKind(probe.kind);
  const options = await loadYamlFile(path, kind.schema, file);
  return { name, file, kind: kind.kind, options };
}

/** Every source in the workspace; the first invalid definition throws. */
export async function listSources(ws: Workspace): Promise<SourceDefinition[]> {
  const out: SourceDefinition[] = [];
  for (const name of await listSourceNames(ws)) out.push(await loadSource(ws, name));
  return out;
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k',
};

/** Latin text without its accents: `Ümsatz` → `umsatz`, `Straße` → `strasse`, `Ørsted` → `orsted`. */
function transliterate(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðþłıħŧŋĸ]/g, (ch) => LATIN_LETTERS[ch] ?? ch);
}

/**
 * A source name from a file name: `Orders 2024.csv` → `orders_2024`, `Ümsatz.csv` → `umsatz`.
 * A name that would start with a digit gets an `s_` prefix; one with no Latin letters or
 * digits left (`данные.csv`) becomes `source`.
 */
export function sourceNameFor(path: string): string {
  const stem = basename(path).replace(/(\.[A-Za-z0-9]+)+$/, '');
  const cleaned = transliterate(stem).replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'source';
  return /^[a-z_]/.test(cleaned) ? cleaned : `s_${cleaned}`;
}

/**
 * The source for a bare file path: an existing definition with the same path, or a new
 * sources/<name>.yaml (kind file, format from the extension).
 */
export async function ensureFileSource(ws: Workspace, filePath: string): Promise<SourceDefinition> {
  const abs = resolve(ws.paths.root, filePath);
  const stored = ws.relative(abs);
  // A glob is named after the folder its files are in: data/daily/*.csv → daily.
  const base = sourceNameFor(GLOB_CHARS.test(abs) ? globFolder(abs) : abs);
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    if (!definitionPath(ws, name)) {
      const format = formatForPath(abs);
      const yaml = `# Created by Ingot for ${stored}. Edit the options (delimiter, columns, drift, …) and ingest again.\n${stringify({ kind: 'file', path: stored, ...(format ? { format: format.name } : {}) })}`;
      const written = await writeFile(join(ws.paths.sources, `${name}.yaml`), yaml, { encoding: 'utf8', flag: 'wx' }).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          // Another load took this name a moment ago: look at its definition like any other.
          if (err.code === 'EEXIST') return false;
          throw err;
        },
      );
      if (written) return loadSource(ws, name);
    }
    const existing = await loadSource(ws, name).catch(() => undefined);
    const existingPath = (existing?.options as { path?: unknown } | undefined)?.path;
    if (typeof existingPath === 'string' && resolve(ws.paths.root, existingPath) === abs) return existing as SourceDefinition;
  }
}

/** The folder part of a glob, before its first segment with a wildcard: `/w/data/daily/*.csv` → `/w/data/daily`. */
function globFolder(pattern: string): string {
  const segments = pattern.split(sep);
  const wild = segments.findIndex((s) => GLOB_CHARS.test(s));
  return segments.slice(0, wild).join(sep) || sep;
}

/** A source name, or a path to a file, a folder or a glob (relative to the workspace, or absolute) to ingest as one. */
export async function resolveSourceArg(ws: Workspace, nameOrPath: string): Promise<SourceDefinition> {
  if (NAME.test(nameOrPath) && definitionPath(ws, nameOrPath)) return loadSource(ws, nameOrPath);
  const abs = resolve(ws.paths.root, nameOrPath);
  if (existsSync(abs) && !definitionPath(ws, nameOrPath)) return ensureFileSource(ws, abs);
  // A quoted glob that matches files: the source's path is the pattern, listed again at every load.
  if (GLOB_CHARS.test(nameOrPath) && (await ws.db.withConnection((c) => globFiles(c, abs))).length > 0) return ensureFileSource(ws, abs);
  if (NAME.test(nameOrPath)) return loadSource(ws, nameOrPath);
  throw new IngotError('NOT_FOUND', GLOB_CHARS.test(nameOrPath) ? `No files match ${nameOrPath}.` : `File not found: ${nameOrPath}.`, {
    hint: 'Give a source name (sources/<name>.yaml), or the path of a file, a folder or a glob; relative paths start at the workspace folder.',
    detail: { file: nameOrPath },
  });
}
