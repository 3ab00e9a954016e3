// The built engine process (dist/main/engine-process-entry.js, as `npm run build` bundles it) on
// a real workspace, with Electron's parentPort played by a worker thread's: it says ready, serves
// the engine contract on each port it is sent, reports a workspace it cannot open with the
// engine's own message, and closes the workspace cleanly when told to stop.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { API_VERSION, ENGINE_CONTRACT } from '../../../src/shared/api/engine-api.js';
import { createRpcClient } from '../../../src/shared/rpc/client.js';
import { messagePortTransport } from '../../../src/shared/rpc/message-port-transport.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { PORT_MAIN_JS } from './port-main.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = join(REPO, 'dist', 'main', 'engine-process-entry.js');

/** Electron's `process.parentPort` (ports arriving as MessagePortMain), made from the worker's parentPort, then the bundle itself. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const portMain = ${PORT_MAIN_JS};
process.parentPort = {
  on: (name, listener) => parentPort.on(name, (m) => listener({ data: m.data, ports: (m.ports ?? []).map(portMain) })),
  postMessage: (m) => parentPort.postMessage(m),
};
import(workerData.entry);
`;

interface Started {
  worker: Worker;
  first: Promise<{ type: string; code?: string; message?: string }>;
  exited: Promise<number>;
}

function startEngine(args: string[]): Started {
  const worker = new Worker(BOOTSTRAP, { eval: true, argv: args, workerData: { entry: ENTRY }, stdout: true, stderr: true });
  const first = new Promise<{ type: string; code?: string; message?: string }>((resolve) => worker.once('message', resolve));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, first, exited };
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-desktop.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build (desktop) failed: ${built.stderr}`);
});

describe('engine process bundle', () => {
  it('serves the engine on each port it is sent, then closes the workspace when told to stop', async () => {
    const root = await tempDir('ingot-engine-bundle-');
    await initWorkspace(root, { name: 'bundled' });
    const engine = startEngine([root, '1.2.3']);
    expect(await engine.first).toEqual({ type: 'ready' });
    for (const client of ['window 1', 'window 2']) {
      const { port1, port2 } = new MessageChannel();
      engine.worker.postMessage({ data: null, ports: [port1] }, [port1]);
      const api = createRpcClient(ENGINE_CONTRACT, messagePortTransport(port2));
      expect(await api.hello({ apiVersion: API_VERSION, client })).toMatchObject({ engineVersion: '1.2.3', workspace: { name: 'bundled' } });
      const result = await api.query({ sql: "SELECT 1 AS one, 'ünï' AS text" });
      expect(tableFromIPC(result.ipc).toArray().map((r) => ({ ...r.toJSON() }))).toEqual([{ one: 1, text: 'ünï' }]);
      api.close();
    }
    engine.worker.postMessage({ data: { type: 'stop' }, ports: [] });
    expect(await engine.exited).toBe(0);
    // Closed cleanly: this process can open the workspace read-write now.
    (await openWorkspace(root)).close();
  });

  it("reports a folder it cannot open with the engine's message, and refuses to start without its arguments", async () => {
    const notAWorkspace = await tempDir('ingot-engine-bundle-');
    const engine = startEngine([notAWorkspace, '1.2.3']);
    const failed = await engine.first;
    expect(failed.type).toBe('failed');
    expect(failed.message).toContain('ingot.yaml');
    // Told to stop after failing, it ends at once (nothing to close).
    engine.worker.postMessage({ data: { type: 'stop' }, ports: [] });
    expect(await engine.exited).toBe(0);
    const bare = startEngine([]);
    expect(await bare.exited).toBe(2);
  });
});
