// MessagePort specifics: binary payloads are moved with a transfer list rather than cloned, and
// a view into a larger buffer is copied alone so the rest of that buffer stays usable.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { messagePortTransport } from '../../../src/shared/rpc/message-port-transport.js';
import type { RpcMessage } from '../../../src/shared/rpc/transport.js';

describe('messagePortTransport', () => {
  it('transfers whole buffers, copies views, and delivers both intact', async () => {
    const { port1, port2 } = new MessageChannel();
    const sender = messagePortTransport(port1);
    const receiver = messagePortTransport(port2);
    const whole = new Uint8Array([1, 2, 3, 4]);
    const backing = new Uint8Array(1024).fill(7);
    const view = backing.subarray(10, 14);
    const received = new Promise<RpcMessage>((resolve) => receiver.onMessage(resolve));
    sender.send({ type: 'event', name: 'bytes', payload: { whole, view } });
    const message = (await received) as { payload: { whole: Uint8Array; view: Uint8Array } };
    expect(Array.from(message.payload.whole)).toEqual([1, 2, 3, 4]);
    expect(Array.from(message.payload.view)).toEqual([7, 7, 7, 7]);
    expect(message.payload.view.buffer.byteLength).toBe(4);
    expect(whole.byteLength).toBe(0); // moved, not copied
    expect(backing.byteLength).toBe(1024); // untouched
    sender.close();
  });

  it('copies instead of transferring when asked (Electron MessagePortMain), and reports close on both ends', async () => {
    const { port1, port2 } = new MessageChannel();
    const sender = messagePortTransport(port1, { transferBinary: false });
    const receiver = messagePortTransport(port2);
    const whole = new Uint8Array([9, 9]);
    const received = new Promise<RpcMessage>((resolve) => receiver.onMessage(resolve));
    sender.send({ type: 'event', name: 'bytes', payload: { whole } });
    expect(Array.from(((await received) as { payload: { whole: Uint8Array } }).payload.whole)).toEqual([9, 9]);
    expect(whole.byteLength).toBe(2);
    const closed = new Promise<void>((resolve) => receiver.onClose(resolve));
    sender.close();
    await closed;
  });
});
