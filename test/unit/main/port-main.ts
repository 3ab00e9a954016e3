// Electron's MessagePortMain, as the engine process receives it, made from a Node MessagePort:
// an EventEmitter with on/start/close and a postMessage that transfers nothing; its 'message'
// event is `{data, ports}`. The engine's side of the desktop tests runs on this shape.
import { EventEmitter } from 'node:events';
import type { MessagePort as NodeMessagePort } from 'node:worker_threads';
import type { MessagePortLike } from '../../../src/shared/rpc/message-port-transport.js';

/** Source of the same wrapper for a worker thread's bootstrap (no imports there). */
export const PORT_MAIN_JS = `(port) => {
  const { EventEmitter } = require('node:events');
  const emitter = new EventEmitter();
  port.on('message', (data) => emitter.emit('message', { data, ports: [] }));
  port.on('close', () => emitter.emit('close'));
  return { on: (type, listener) => emitter.on(type, listener), start: () => undefined, close: () => port.close(), postMessage: (message) => port.postMessage(message) };
}`;

export function portMain(port: NodeMessagePort): MessagePortLike {
  const emitter = new EventEmitter();
  port.on('message', (data: unknown) => emitter.emit('message', { data, ports: [] }));
  port.on('close', () => emitter.emit('close'));
  return {
    on: (type, listener) => emitter.on(type, listener),
    start: () => undefined,
    close: () => port.close(),
    postMessage: (message) => port.postMessage(message),
  };
}
