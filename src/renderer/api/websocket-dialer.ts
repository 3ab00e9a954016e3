// Dials the engine over a WebSocket to `/rpc` on the page's own origin, as served by `ingot serve`
// (the page's cookie, set when the tokened URL was opened, authenticates the socket). A browser
// does not tell a page why a WebSocket handshake failed, so a refused dial asks the same address
// over plain HTTP: a 401 there means the server restarted with a new token.
import { ENGINE_CONTRACT } from '../../shared/api/index.js';
import { IngotError } from '../../shared/errors.js';
import { createRpcClient } from '../../shared/rpc/client.js';
import { webSocketTransport } from '../../shared/rpc/websocket-transport.js';
import type { Dialer, EngineSession } from './engine-connection.js';

/** The engine endpoint on the same origin as `location`. */
export function rpcUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
}

/** True when the server at `url` (ws:// or wss://) answers a plain HTTP request with 401: it refuses this page's token. */
export async function tokenRefused(url: string): Promise<boolean> {
  try {
    const response = await fetch(url.replace(/^ws/, 'http'), { cache: 'no-store', credentials: 'same-origin' });
    return response.status === 401;
  } catch {
    return false; // Nothing answers: the server is not running (yet).
  }
}

/** The error of a dial the server refused because it restarted with a new token; the page stops redialing. */
export function serverRestartedError(url: string): IngotError {
  return new IngotError('UNAUTHORIZED', 'The Ingot server was restarted, and it no longer accepts the access token this page was opened with.', {
    hint: 'Open the new URL that `ingot serve` printed when it started (it ends with ?token=…). This page has stopped retrying.',
    detail: { url },
  });
}

/** A dialer that opens a new WebSocket to `url` for every session. */
export function webSocketDialer(url: string): Dialer {
  return () =>
    new Promise<EngineSession>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      const closed = new Promise<void>((settle) => socket.addEventListener('close', () => settle(), { once: true }));
      const refused = (): void => {
        void tokenRefused(url).then((restarted) =>
          reject(
            restarted
              ? serverRestartedError(url)
              : new IngotError('INTERNAL', `Ingot could not reach its engine at ${url}.`, {
                  hint: 'Check that `ingot serve` is still running; Ingot retries by itself. If it was restarted, open the new URL it printed (the token changes on every start).',
                  detail: { url },
                }),
          ),
        );
      };
      socket.addEventListener('close', refused, { once: true });
      socket.addEventListener(
        'open',
        () => {
          socket.removeEventListener('close', refused);
          resolve({ api: createRpcClient(ENGINE_CONTRACT, webSocketTransport(socket)), closed });
        },
        { once: true },
      );
    });
}
