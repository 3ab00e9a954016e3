// The one engine connection of this window. In the desktop app the preload bridge hands out
// MessagePorts to the engine's process; in a browser the page dials the WebSocket of `ingot serve`.
import { EngineConnection, type Dialer } from './engine-connection.js';
import { desktopBridge } from './desktop-bridge.js';
import { messagePortDialer } from './message-port-dialer.js';
import { rpcUrl, webSocketDialer } from './websocket-dialer.js';

let connection: EngineConnection | null = null;

function defaultDialer(): Dialer {
  const bridge = desktopBridge();
  return bridge ? messagePortDialer(bridge) : webSocketDialer(rpcUrl(window.location));
}

/** The window's engine connection, created on first use with `dialer` (default: the desktop bridge, else WebSocket). */
export function engineConnection(dialer?: Dialer): EngineConnection {
  connection ??= new EngineConnection(dialer ?? defaultDialer());
  return connection;
}
