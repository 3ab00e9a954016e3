// Frames an RpcMessage as one binary frame for byte-stream transports (WebSocket): a small
// header, the message as JSON with every Uint8Array replaced by a placeholder, then the raw
// bytes of those arrays, each 8-byte aligned so Arrow can read them in place. Binary data is
// never base64-encoded and is copied exactly once, into the frame; decoding returns views.
//
// Layout (little-endian u32s): magic, jsonLength, count, count × (offset, length), JSON, bytes.
import { IngotError } from '../errors.js';
import type { RpcMessage } from './transport.js';

const MAGIC = 0x31505249; // "IRP1"
const FIXED_HEADER = 12;
const ALIGN = 8;
const MAX_FRAME = 0xffff_ffff;
/** The placeholder key; a NUL-prefixed key never appears in engine DTOs. */
const BINARY_KEY = '\u0000bin';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

/** Encodes a message and all its binary payloads as one frame. */
export function encodeFrame(message: RpcMessage): Uint8Array {
  const binaries: Uint8Array[] = [];
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    // `this[key]` is the value before toJSON, so Node Buffers are caught too.
    const original = this[key];
    if (original instanceof Uint8Array) {
      binaries.push(original);
      return { [BINARY_KEY]: binaries.length - 1 };
    }
    if (typeof value === 'bigint') throw new IngotError('INTERNAL', `Cannot send the BigInt at "${key}" over RPC; send it as a number or string.`);
    return value;
  });
  const jsonBytes = encoder.encode(json);
  const headerLength = FIXED_HEADER + 8 * binaries.length;
  const placed: { offset: number; bytes: Uint8Array }[] = [];
  let end = headerLength + jsonBytes.byteLength;
  for (const bytes of binaries) {
    const offset = align(end);
    placed.push({ offset, bytes });
    end = offset + bytes.byteLength;
  }
  if (end > MAX_FRAME) {
    throw new IngotError('INVALID_INPUT', `The message is too large to send (${end} bytes; the limit is 4 GB).`, {
      hint: 'Ask for fewer rows at a time (a smaller page or limit).',
    });
  }
  const frame = new Uint8Array(end);
  const view = new DataView(frame.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, jsonBytes.byteLength, true);
  view.setUint32(8, binaries.length, true);
  placed.forEach(({ offset, bytes }, i) => {
    view.setUint32(FIXED_HEADER + 8 * i, offset, true);
    view.setUint32(FIXED_HEADER + 8 * i + 4, bytes.byteLength, true);
    frame.set(bytes, offset);
  });
  frame.set(jsonBytes, headerLength);
  return frame;
}

/** Decodes a frame; the Uint8Arrays in the result are views into it (copied only if misaligned). */
export function decodeFrame(data: ArrayBuffer | Uint8Array): RpcMessage {
  // A plain Uint8Array view, so the arrays handed out are never Node Buffers.
  const frame = data instanceof Uint8Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.byteLength < FIXED_HEADER || view.getUint32(0, true) !== MAGIC) {
    throw new IngotError('INVALID_INPUT', 'Received a message that is not an Ingot RPC frame.', {
      hint: 'Connect with the Ingot app or a client built on createRpcClient.',
    });
  }
  const jsonLength = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const headerLength = FIXED_HEADER + 8 * count;
  if (headerLength + jsonLength > frame.byteLength) throw truncated();
  const binaries: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(FIXED_HEADER + 8 * i, true);
    const length = view.getUint32(FIXED_HEADER + 8 * i + 4, true);
    if (offset + length > frame.byteLength) throw truncated();
    const bytes = frame.subarray(offset, offset + length);
    binaries.push(bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes));
  }
  const json = decoder.decode(frame.subarray(headerLength, headerLength + jsonLength));
  return JSON.parse(json, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && BINARY_KEY in value) {
      const index = (value as Record<string, unknown>)[BINARY_KEY];
      const bytes = typeof index === 'number' ? binaries[index] : undefined;
      if (!bytes) throw truncated();
      return bytes;
    }
    return value;
  }) as RpcMessage;
}

function truncated(): IngotError {
  return new IngotError('INVALID_INPUT', 'Received a truncated or corrupt RPC frame.', {
    hint: 'The connection may have been interrupted; reload to reconnect.',
  });
}
