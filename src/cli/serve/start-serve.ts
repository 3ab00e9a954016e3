// `ingot serve` as a function: opens the workspace in an engine host, listens on 127.0.0.1
// only, serves the renderer over HTTP and the engine contract over a WebSocket at /rpc, and
// shuts everything down cleanly (connections, then the workspace) on close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { createEngineHost, type EngineHost, type EngineHostOptions } from '../../engine/host.js';
import { IngotError } from '../../shared/errors.js';
import { handleHttp } from './http-handler.js';
import { handleUpgrade } from './rpc-upgrade.js';
import { newToken } from './token.js';

/** Used when no --port is given; if it is taken, a free port is picked instead. */
export const DEFAULT_PORT = 4815;
export const DEFAULT_STATIC_ROOT = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

export interface ServeOptions {
  workspaceRoot: string;
  /** 0 picks a free port; undefined tries DEFAULT_PORT, then a free one. */
  port?: number;
  staticRoot?: string;
  host?: EngineHostOptions;
}

export interface ServeHandle {
  /** The ready-to-open URL, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  host: EngineHost;
  close(): Promise<void>;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const host = await createEngineHost(options.workspaceRoot, options.host);
  const token = newToken();
  const staticRoot = options.staticRoot ?? DEFAULT_STATIC_ROOT;
  const wss = new WebSocketServer({ noServer: true });
  const guard = { port: 0, token };
  const server = createServer((req, res) => {
    handleHttp(req, res, { ...guard, staticRoot }).catch((err: unknown) => {
      console.error(`ingot serve: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error while answering this request.\n');
    });
  });
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head, wss, host, guard));
  try {
    guard.port = await listen(server, options.port);
  } catch (err) {
    await host.close();
    throw err;
  }
  const origin = `http://127.0.0.1:${guard.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port: guard.port,
    token,
    host,
    close: () =>
      (closing ??= (async () => {
        for (const client of wss.clients) client.close(1001, 'Ingot is shutting down');
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await host.close();
      })()),
  };
}

/** Listens on 127.0.0.1 only; resolves to the port. */
async function listen(server: Server, port: number | undefined): Promise<number> {
  try {
    return await listenOn(server, port ?? DEFAULT_PORT);
  } catch (err) {
    const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (inUse && port === undefined) return listenOn(server, 0);
    if (inUse) {
      throw new IngotError('INVALID_INPUT', `Port ${port} on 127.0.0.1 is already in use.`, {
        hint: 'Stop the program using it, choose another --port, or pass --port 0 to pick a free one.',
        detail: { port },
      });
    }
    throw err;
  }
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
