// RPC over a WebSocket: each message is one binary frame (see codec.ts). Works with the
// browser's WebSocket and with the `ws` package's, through the event-listener API both share.
import { decodeFrame, encodeFrame } from './codec.js';
import { CloseSignal, Listeners } from './listeners.js';
import { isRpcMessage, type RpcMessage, type Transport } from './transport.js';

const CONNECTING = 0;
const OPEN = 1;

/** The part of a WebSocket this transport uses (browser WebSocket and `ws` both fit). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
}

/** Wraps a WebSocket (open or still connecting); messages sent while connecting are queued. */
export function webSocketTransport(socket: WebSocketLike): Transport {
  socket.binaryType = 'arraybuffer';
  const messages = new Listeners<[RpcMessage]>();
  const closing = new CloseSignal(socket.readyState > OPEN);
  let queue: Uint8Array[] = [];

  socket.addEventListener('open', () => {
    for (const frame of queue) socket.send(frame);
    queue = [];
  });
  socket.addEventListener('message', (event) => {
    const data = event.data;
    if (!(data instanceof ArrayBuffer || data instanceof Uint8Array)) return; // text frames are not ours
    let message: unknown;
    try {
      message = decodeFrame(data);
    } catch {
      return; // a corrupt frame cannot be answered: it has no id we can trust
    }
    if (isRpcMessage(message)) messages.emit(message);
  });
  socket.addEventListener('close', () => {
    queue = [];
    if (closing.close()) messages.clear();
  });

  return {
    send(message) {
      if (closing.closed) return;
      const frame = encodeFrame(message);
      if (socket.readyState === CONNECTING) queue.push(frame);
      else if (socket.readyState === OPEN) socket.send(frame);
    },
    onMessage: (listener) => messages.add(listener),
    onClose: (listener) => closing.onClose(listener),
    close() {
      if (socket.readyState <= OPEN) socket.close(1000, 'closed by Ingot');
    },
  };
}
