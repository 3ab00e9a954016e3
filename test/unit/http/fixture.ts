// Fixture for HTTP source tests: a workspace in a temp folder, a server on 127.0.0.1, helpers
// to write sources/<name>.yaml and query the database, and cleanup of both after each test.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { stringify } from 'yaml';
import type { Row } from '../../../src/engine/db/connection.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import type { IngestResult } from '../../../src/engine/ingest/types.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startServer, type Handler, type TestServer } from './test-server.js';

export interface HttpTest {
  ws: Workspace;
  root: string;
  server: TestServer;
  /** Writes sources/<name>.yaml (kind: http is added). */
  source(name: string, definition: Record<string, unknown>): Promise<void>;
  ingest(name: string, options?: { replace?: boolean }): Promise<IngestResult>;
  query<T extends Row = Row>(sql: string): Promise<T[]>;
}

const open: { ws: Workspace; server: TestServer }[] = [];

afterEach(async () => {
  for (const { ws, server } of open.splice(0)) {
    ws.close();
    await server.close();
  }
});

/** Fast settings for tests: short timeouts and millisecond backoff. */
export const FAST = { timeout: { connect_ms: 1000, read_ms: 1000 }, retry: { attempts: 3, backoff_ms: 5, max_backoff_ms: 20 } };

export async function httpTest(handler: Handler): Promise<HttpTest> {
  const root = await tempDir('ingot-http-');
  await initWorkspace(root, { name: 'http-test' });
  const ws = await openWorkspace(root);
  const server = await startServer(handler);
  open.push({ ws, server });
  return {
    ws,
    root,
    server,
    source: (name, definition) => writeFile(join(root, 'sources', `${name}.yaml`), stringify({ kind: 'http', ...FAST, ...definition })),
    ingest: (name, options = {}) => ingestSource(ws, name, options),
    query: (sql) => ws.db.withConnection((c) => c.all(sql)),
  };
}
