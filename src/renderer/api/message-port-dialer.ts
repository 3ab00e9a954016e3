// Dials the engine in the desktop app: asks the preload bridge for a connection and waits for
// the window message that carries a MessagePort to the engine's process, then runs the engine
// contract over it. Ports cross processes here, so binary payloads are copied, not transferred.
import { ENGINE_CONTRACT } from '../../shared/api/index.js';
import { isEnginePortMessage, type DesktopBridge } from '../../shared/desktop-bridge.js';
import { IngotError } from '../../shared/errors.js';
import { createRpcClient } from '../../shared/rpc/client.js';
import { messagePortTransport } from '../../shared/rpc/message-port-transport.js';
import type { Dialer, EngineSession } from './engine-connection.js';

/** The window the port message arrives on: its own origin, and where it listens. */
export type PortWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & { location: Pick<Location, 'origin'> };

/** A dialer that asks `bridge` for a port to the engine for every session. */
export function messagePortDialer(bridge: Pick<DesktopBridge, 'connectEngine'>, target: PortWindow = window, timeoutMs = 15_000): Dialer {
  return () =>
    new Promise<EngineSession>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new IngotError('INTERNAL', 'The Ingot engine did not answer.', { hint: 'Ingot retries by itself. If this keeps happening, quit Ingot and start it again.' }));
      }, timeoutMs);
      function onMessage(event: MessageEvent): void {
        const port = event.ports[0];
        if (event.origin !== target.location.origin || !isEnginePortMessage(event.data) || !port) return;
        clearTimeout(timer);
        target.removeEventListener('message', onMessage);
        // A port that comes after this dial gave up is closed, so no session stays open for it.
        if (timedOut) return port.close();
        const closed = new Promise<void>((settle) => port.addEventListener('close', () => settle(), { once: true }));
        resolve({ api: createRpcClient(ENGINE_CONTRACT, messagePortTransport(port, { transferBinary: false })), closed });
      }
      target.addEventListener('message', onMessage);
      bridge.connectEngine();
    });
}
