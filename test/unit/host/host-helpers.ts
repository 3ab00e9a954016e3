// Starts an engine host on a fresh temp workspace and connects an RPC client to it in-process,
// exactly as the app does over its real transports.
import { join } from 'node:path';
import { createEngineHost, type EngineHost } from '../../../src/engine/host.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { ENGINE_CONTRACT, type EngineApi } from '../../../src/shared/api/engine-api.js';
import { createRpcClient } from '../../../src/shared/rpc/client.js';
import { inProcessPair } from '../../../src/shared/rpc/in-process.js';
import { serveRpc } from '../../../src/shared/rpc/server.js';
import type { RunEvent } from '../../../src/shared/api/pipeline.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface Connected {
  host: EngineHost;
  api: EngineApi & { close(): void };
  root: string;
  close(): Promise<void>;
}

export async function connectedHost(name = 'host-test'): Promise<Connected> {
  const root = join(await tempDir('ingot-host-'), name);
  await initWorkspace(root);
  const host = await createEngineHost(root);
  const [clientEnd, serverEnd] = inProcessPair();
  serveRpc(ENGINE_CONTRACT, host.handlers, serverEnd, { events: (sink) => host.subscribe(sink) });
  const api = createRpcClient(ENGINE_CONTRACT, clientEnd);
  return {
    host,
    api,
    root,
    close: async () => {
      api.close();
      await host.close();
    },
  };
}

/** Starts a run of `select` (everything by default) and resolves to its `run-finished` event. */
export async function runToEnd(c: Connected, select = ''): Promise<Extract<RunEvent, { type: 'run-finished' }>> {
  const finished = new Promise<Extract<RunEvent, { type: 'run-finished' }>>((resolve) => {
    const stop = c.api.onRunEvent((e) => {
      if (e.type !== 'run-finished') return;
      stop();
      resolve(e);
    });
  });
  await c.api.startRun({ select });
  return finished;
}
