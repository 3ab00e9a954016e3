// The engine side of the desktop app: every MessagePort handed to it becomes one RPC session of
// the engine contract on the open workspace — the same handlers and events `ingot serve` puts on
// a WebSocket. Runs in Electron's utility process (engine-process-entry.ts) and, in tests, on
// Node's own MessagePorts.
import type { EngineHost } from '../engine/host.js';
import { ENGINE_CONTRACT } from '../shared/api/index.js';
import { messagePortTransport, type MessagePortLike } from '../shared/rpc/message-port-transport.js';
import { serveRpc, type RpcServer } from '../shared/rpc/server.js';

export interface EngineServiceOptions {
  /** False for Electron's MessagePortMain, which cannot transfer ArrayBuffers (see messagePortTransport). */
  transferBinary: boolean;
}

/** Serves the engine contract of `host` on `port` until either side closes it. */
export function serveEngineOnPort(host: EngineHost, port: MessagePortLike, options: EngineServiceOptions): RpcServer {
  const transport = messagePortTransport(port, { transferBinary: options.transferBinary });
  return serveRpc(ENGINE_CONTRACT, host.handlers, transport, { events: (sink) => host.subscribe(sink) });
}
