// The binary frame codec: binary payloads travel raw (no base64), aligned, and round-trip exactly.
import { describe, expect, it } from 'vitest';
import { IngotError } from '../../../src/shared/errors.js';
import { decodeFrame, encodeFrame } from '../../../src/shared/rpc/codec.js';
import type { RpcMessage } from '../../../src/shared/rpc/transport.js';

describe('RPC frame codec', () => {
  it('round-trips a 10 MB Uint8Array in a frame less than 1% larger than the payload', () => {
    const payload = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < payload.length; i += 4096) payload[i] = i % 256;
    payload[payload.length - 1] = 42;
    const result = { ipc: payload, columns: [{ name: 'x', type: 'INTEGER' }], rowCount: 3 };
    const message: RpcMessage = { type: 'response', id: 7, ok: true, result };
    const frame = encodeFrame(message);
    expect(frame.byteLength).toBeLessThan(payload.byteLength * 1.01);
    expect(frame.byteLength - payload.byteLength).toBeLessThan(200);
    const decoded = decodeFrame(frame.buffer as ArrayBuffer) as { result: typeof result };
    expect(decoded.result.columns).toEqual([{ name: 'x', type: 'INTEGER' }]);
    expect(decoded.result.ipc.byteLength).toBe(payload.byteLength);
    expect(Buffer.compare(decoded.result.ipc, payload)).toBe(0);
    // Decoding hands out a view into the frame, not a copy.
    expect(decoded.result.ipc.buffer).toBe(frame.buffer);
  });

  it('keeps many arrays (and Node Buffers) in place, each 8-byte aligned', () => {
    const arrays = [new Uint8Array([1, 2, 3]), Buffer.from('hello'), new Uint8Array(0), new Uint8Array(new ArrayBuffer(64), 5, 9).fill(9)];
    const decoded = decodeFrame(encodeFrame({ type: 'event', name: 'x', payload: { arrays, nested: { again: arrays[0] } } }));
    const payload = (decoded as { payload: { arrays: Uint8Array[]; nested: { again: Uint8Array } } }).payload;
    expect(payload.arrays.map((a) => Array.from(a))).toEqual(arrays.map((a) => Array.from(a)));
    expect(Array.from(payload.nested.again)).toEqual([1, 2, 3]);
    for (const a of payload.arrays) {
      expect(a.byteOffset % 8).toBe(0);
      expect(Buffer.isBuffer(a)).toBe(false);
    }
  });

  it('decodes a frame that arrives at an unaligned offset by copying only the binaries', () => {
    const frame = encodeFrame({ type: 'event', name: 'x', payload: { bytes: new Uint8Array([5, 6, 7, 8]) } });
    const shifted = new Uint8Array(frame.byteLength + 3);
    shifted.set(frame, 3);
    const decoded = decodeFrame(shifted.subarray(3)) as { payload: { bytes: Uint8Array } };
    expect(Array.from(decoded.payload.bytes)).toEqual([5, 6, 7, 8]);
    expect(decoded.payload.bytes.byteOffset % 8).toBe(0);
  });

  it('refuses frames that are not Ingot frames or are truncated', () => {
    expect(() => decodeFrame(new TextEncoder().encode('{"type":"request"}'))).toThrow(/not an Ingot RPC frame/);
    const frame = encodeFrame({ type: 'event', name: 'x', payload: { bytes: new Uint8Array(100) } });
    const err = (() => {
      try {
        decodeFrame(frame.subarray(0, frame.byteLength - 10));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).message).toMatch(/truncated/);
  });
});
