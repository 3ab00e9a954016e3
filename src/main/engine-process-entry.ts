// Entry of the engine's utility process: opens the workspace named on its command line (then the
// app's version, which `hello` reports) and serves the engine contract on every MessagePort the
// main process sends (one per window load). DuckDB and all data work live here, so a long query
// never blocks the window or the menu. A `{type: 'stop'}` message (or SIGTERM) closes the
// workspace cleanly, then the process exits; a second one exits at once.
import { createEngineHost, type EngineHost } from '../engine/host.js';
import type { MessagePortLike } from '../shared/rpc/message-port-transport.js';
import { serveEngineOnPort } from './engine-service.js';

/** The part of Electron's `process.parentPort` used here. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const [workspace, engineVersion] = process.argv.slice(2);
if (!parentPort || !workspace || !engineVersion) {
  console.error('The Ingot engine process is started by the desktop app, with the workspace folder and the app version as its arguments.');
  process.exit(2);
}

let host: EngineHost | undefined;
let stopping = false;
const stop = (): void => {
  if (stopping) process.exit(1);
  stopping = true;
  if (!host) process.exit(0);
  host.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`ingot: the workspace did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
};
parentPort.on('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'stop') return stop();
  for (const port of event.ports) {
    if (host && !stopping) serveEngineOnPort(host, port, { transferBinary: false });
    else port.close();
  }
});
process.on('SIGTERM', stop);

try {
  host = await createEngineHost(workspace, { engineVersion });
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  // The main process shows this to the user (a locked or invalid workspace, say) and quits.
  const error = err as { code?: string; message?: string; hint?: string };
  parentPort.postMessage({ type: 'failed', code: error.code ?? 'INTERNAL', message: error.message ?? String(err), hint: error.hint ?? null });
}
