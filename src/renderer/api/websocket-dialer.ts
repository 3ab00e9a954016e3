// Dials the engine over a WebSocket to `/rpc` on the page's own origin, as served by `ingot serve`
// (the page's cookie, set when the tokened URL was opened, authenticates the socket).
import { ENGINE_CONTRACT } from '../../shared/api/index.js';
import { IngotError } from '../../shared/errors.js';
import { createRpcClient } from '../../shared/rpc/client.js';
import { webSocketTransport } from '../../shared/rpc/websocket-transport.js';
import type { Dialer, EngineSession } from './engine-connection.js';

/** The engine endpoint on the same origin as `location`. */
export function rpcUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
}

/** A dialer that opens a new WebSocket to `url` for every session. */
export function webSocketDialer(url: string): Dialer {
  return () =>
    new Promise<EngineSession>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.binaryType = 'arraybuffer';
      const closed = new Promise<void>((settle) => socket.addEventListener('close', () => settle(), { once: true }));
      const refused = (): void =>
        reject(
          new IngotError('INTERNAL', `Ingot could not reach its engine at ${url}.`, {
            hint: 'Check that `ingot serve` is still running; Ingot retries by itself. If it was restarted, open the new URL it printed (the token changes on every start).',
            detail: { url },
          }),
        );
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
