// RPC over a MessagePort (browser, Electron's MessagePortMain, Node's worker_threads): messages
// go by structured clone, and binary payloads are moved with a transfer list instead of copied.
import { CloseSignal, Listeners } from './listeners.js';
import { isRpcMessage, type RpcMessage, type Transport } from './transport.js';

/** The part of a MessagePort this transport uses. Either `addEventListener` or `on` must exist. */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  start?(): void;
  close(): void;
  addEventListener?(type: 'message' | 'close', listener: (event: unknown) => void): void;
  on?(type: 'message' | 'close', listener: (event: unknown) => void): unknown;
}

export interface MessagePortTransportOptions {
  /**
   * Move Uint8Array buffers instead of copying them (default true). The sender's arrays become
   * empty after sending. Set false for Electron's MessagePortMain, which transfers only ports.
   */
  transferBinary?: boolean;
}

/** Wraps a MessagePort. Closing the transport closes the port. */
export function messagePortTransport(port: MessagePortLike, options: MessagePortTransportOptions = {}): Transport {
  const transferBinary = options.transferBinary ?? true;
  const messages = new Listeners<[RpcMessage]>();
  const closing = new CloseSignal();
  const listen = (type: 'message' | 'close', listener: (event: unknown) => void): void => {
    if (port.addEventListener) port.addEventListener(type, listener);
    else if (port.on) port.on(type, listener);
    else throw new TypeError('messagePortTransport needs a port with addEventListener or on');
  };
  const markClosed = (): void => {
    if (closing.close()) messages.clear();
  };
  listen('message', (event) => {
    // Browsers, Node and Electron all deliver a MessageEvent-like object with `data`.
    const data = typeof event === 'object' && event !== null ? (event as { data?: unknown }).data : undefined;
    if (!closing.closed && isRpcMessage(data)) messages.emit(data);
  });
  listen('close', markClosed);
  port.start?.();

  return {
    send(message) {
      if (closing.closed) return;
      if (!transferBinary) {
        port.postMessage(message);
        return;
      }
      const transfer: ArrayBuffer[] = [];
      port.postMessage(withTransferableBinaries(message, transfer), transfer);
    },
    onMessage: (listener) => messages.add(listener),
    onClose: (listener) => closing.onClose(listener),
    close() {
      port.close();
      // Not every port fires 'close' on the side that closed it (browsers do not).
      markClosed();
    },
  };
}

/**
 * Returns the message with each Uint8Array ready to transfer: one that spans its whole buffer is
 * moved as is; a view into a larger buffer is copied first, so the rest of that buffer is
 * neither cloned nor detached.
 */
function withTransferableBinaries<T>(value: T, transfer: ArrayBuffer[]): T {
  if (value instanceof Uint8Array) {
    const whole = value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
    const movable = whole && !transfer.includes(value.buffer as ArrayBuffer) ? value : new Uint8Array(value);
    transfer.push(movable.buffer as ArrayBuffer);
    return movable as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => withTransferableBinaries(v, transfer)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withTransferableBinaries(v, transfer);
    return out as T;
  }
  return value;
}
