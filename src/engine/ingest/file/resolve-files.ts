// Expands a file source's `path` (one file, a glob, or a folder; relative to the workspace) to
// the files it names, in a stable order, with clear errors for missing or unreadable inputs.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import { IngotError } from '../../../shared/errors.js';
import type { SqlConnection } from '../../db/connection.js';
import { literal } from '../../db/sql.js';
import type { Workspace } from '../../workspace/workspace.js';
import { knownExtensions } from './formats/index.js';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Workspace-relative (or absolute outside the workspace): what lineage and messages show. */
  name: string;
}

/** Characters that make a source's path a glob. */
export const GLOB_CHARS = /[*?[{]/;

/** The files matching `pattern` (absolute), sorted. */
export async function globFiles(conn: SqlConnection, pattern: string): Promise<string[]> {
  const rows = await conn.all<{ file: string }>(`SELECT file FROM glob(${literal(pattern)}) ORDER BY file`);
  return rows.map((r) => r.file);
}

function unreadable(name: string, why: string, where: { file: string }): IngotError {
  return new IngotError('NOT_FOUND', `Cannot read ${name}: ${why}.`, {
    hint: 'Check the path and the file\'s permissions; paths in a source are relative to the workspace folder.',
    detail: { ...where, field: 'path', path: name },
  });
}

/** The files `path` names; `definition` is the source file, for messages. */
export async function resolveFiles(ws: Workspace, conn: SqlConnection, path: string, definition: string): Promise<InputFile[]> {
  const abs = isAbsolute(path) ? path : resolve(ws.paths.root, path);
  const where = { file: definition };
  let found: string[];
  if (GLOB_CHARS.test(path)) {
    found = await globFiles(conn, abs);
    if (found.length === 0) {
      throw new IngotError('NOT_FOUND', `No files match ${path}.`, {
        hint: 'Check the pattern in the source\'s `path:`; it is relative to the workspace folder.',
        detail: { ...where, field: 'path', path },
      });
    }
  } else {
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      throw new IngotError('NOT_FOUND', `File not found: ${path}.`, {
        hint: 'Check the source\'s `path:` (relative to the workspace folder), or copy the file there.',
        detail: { ...where, field: 'path', path },
      });
    }
    const looksLikeFile = knownExtensions().includes(extname(abs).toLowerCase());
    if (info.isDirectory() && looksLikeFile) throw unreadable(path, 'it is a folder, not a file', where);
    if (info.isDirectory()) {
      const extensions = new Set(knownExtensions());
      found = (await globFiles(conn, `${abs}/**`)).filter((f) => extensions.has(extname(f).toLowerCase()));
      if (found.length === 0) {
        throw new IngotError('NOT_FOUND', `The folder ${path} holds no data files.`, {
          hint: `Put files with one of these extensions in it: ${[...extensions].join(' ')}.`,
          detail: { ...where, field: 'path', path },
        });
      }
    } else {
      found = [abs];
    }
  }
  const files: InputFile[] = [];
  for (const file of found) {
    const name = ws.relative(file);
    const info = await stat(file);
    if (info.isDirectory()) throw unreadable(name, 'it is a folder, not a file', where);
    try {
      await access(file, constants.R_OK);
    } catch {
      throw unreadable(name, 'permission denied', where);
    }
    files.push({ path: file, name });
  }
  return files;
}
