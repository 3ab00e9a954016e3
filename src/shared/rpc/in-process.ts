// Two connected transports in one process, for tests and for hosting the engine in-process.
// Messages go through the same binary codec as the WebSocket, asynchronously, so code that
// works here also works over a real connection.
import { decodeFrame, encodeFrame } from './codec.js';
import { Listeners } from './listeners.js';
import type { RpcMessage, Transport } from './transport.js';

/** A connected pair: what one side sends, the other receives. Closing either closes both. */
export function inProcessPair(): [Transport, Transport] {
  const messages = [new Listeners<[RpcMessage]>(), new Listeners<[RpcMessage]>()] as const;
  const closes = [new Listeners<[]>(), new Listeners<[]>()] as const;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    queueMicrotask(() => {
      for (const c of closes) c.emit();
      for (const l of [...messages, ...closes]) l.clear();
    });
  };
  const end = (self: 0 | 1): Transport => {
    const peer = self === 0 ? 1 : 0;
    return {
      send(message) {
        if (closed) return;
        const frame = encodeFrame(message);
        queueMicrotask(() => {
          if (!closed) messages[peer].emit(decodeFrame(frame));
        });
      },
      onMessage: (listener) => messages[self].add(listener),
      onClose: (listener) => closes[self].add(listener),
      close,
    };
  };
  return [end(0), end(1)];
}
