// The one engine connection of this window. The browser build dials the WebSocket of
// `ingot serve`; a host that provides another transport (the desktop app) passes its own dialer.
import { EngineConnection, type Dialer } from './engine-connection.js';
import { rpcUrl, webSocketDialer } from './websocket-dialer.js';

let connection: EngineConnection | null = null;

/** The window's engine connection, created on first use with `dialer` (default: WebSocket). */
export function engineConnection(dialer?: Dialer): EngineConnection {
  connection ??= new EngineConnection(dialer ?? webSocketDialer(rpcUrl(window.location)));
  return connection;
}
