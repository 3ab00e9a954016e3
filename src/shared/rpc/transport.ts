// The one thing every RPC transport provides: send a message, hear messages, learn when the
// connection closed. MessagePort, WebSocket and in-process pairs implement it; the RPC client
// and server never know which one they run on.
import type { ErrorData } from '../errors.js';

export interface RpcRequest {
  type: 'request';
  id: number;
  method: string;
  params: unknown;
}

export type RpcResponse = { type: 'response'; id: number; ok: true; result: unknown } | { type: 'response'; id: number; ok: false; error: ErrorData };

export interface RpcCancel {
  type: 'cancel';
  id: number;
}

export interface RpcEvent {
  type: 'event';
  name: string;
  payload: unknown;
}

/** Everything that travels between an RPC client and server. `Uint8Array`s anywhere inside travel as raw bytes. */
export type RpcMessage = RpcRequest | RpcResponse | RpcCancel | RpcEvent;

export interface Transport {
  send(message: RpcMessage): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: RpcMessage) => void): () => void;
  /** Called once when either side closes the connection (or it breaks). */
  onClose(listener: () => void): () => void;
  close(): void;
}

/** True for values shaped like an RpcMessage; transports drop anything else. */
export function isRpcMessage(value: unknown): value is RpcMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'request':
      return typeof m.id === 'number' && typeof m.method === 'string';
    case 'response':
      return typeof m.id === 'number' && typeof m.ok === 'boolean';
    case 'cancel':
      return typeof m.id === 'number';
    case 'event':
      return typeof m.name === 'string';
    default:
      return false;
  }
}
