// Test fixture for ingest: a fresh workspace in a temp folder, helpers to write data files into
// it and to query its database.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Row } from '../../../src/engine/db/connection.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface TestWorkspace {
  ws: Workspace;
  root: string;
  /** Writes a file under the workspace (creating folders); returns its absolute path. */
  write(rel: string, content: string | Uint8Array): Promise<string>;
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  close(): void;
}

export async function testWorkspace(): Promise<TestWorkspace> {
  const root = await tempDir('ingot-ingest-');
  await initWorkspace(root, { name: 'test' });
  const ws = await openWorkspace(root);
  return {
    ws,
    root,
    async write(rel, content) {
      const path = join(root, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    query: (sql) => ws.db.withConnection((c) => c.all(sql)),
    close: () => ws.close(),
  };
}

/** The IngotError a promise rejects with (fails the test if it resolves or throws something else). */
export async function ingotError(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof IngotError)) throw new Error(`expected an IngotError, got ${String(err)}`);
  return err;
}
