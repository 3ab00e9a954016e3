// The RPC layer over all three transports: calls, errors as data, validation, cancellation
// reaching the handler, events, binary payloads, closed connections and the version handshake.
import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../../src/shared/api/engine-api.js';
import { IngotError } from '../../../src/shared/errors.js';
import { createRpcClient } from '../../../src/shared/rpc/client.js';
import { serveRpc } from '../../../src/shared/rpc/server.js';
import type { RpcMessage } from '../../../src/shared/rpc/transport.js';
import { TEST_CONTRACT, testHandlers } from './test-contract.js';
import { TRANSPORTS, type TransportPair } from './transports.js';

const failure = (promise: Promise<unknown>): Promise<IngotError> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(IngotError);
      return err as IngotError;
    },
  );

describe.each(Object.keys(TRANSPORTS))('RPC over %s', (name) => {
  let pair: TransportPair | undefined;
  afterEach(async () => {
    await pair?.dispose();
    pair = undefined;
  });

  async function connect(): Promise<{ client: ReturnType<typeof createRpcClient<typeof TEST_CONTRACT>>; hooks: ReturnType<typeof testHandlers>; pair: TransportPair }> {
    pair = await (TRANSPORTS[name] as () => Promise<TransportPair>)();
    const hooks = testHandlers();
    serveRpc(TEST_CONTRACT, hooks.handlers, pair.server, {
      events: (sink) => {
        hooks.sinks.add(sink);
        return () => hooks.sinks.delete(sink);
      },
    });
    return { client: createRpcClient(TEST_CONTRACT, pair.client), hooks, pair };
  }

  it('calls a method and applies request defaults on the server', async () => {
    const { client } = await connect();
    expect(await client.echo({ text: 'hi' })).toEqual({ text: 'hi', count: 1, data: [] });
    const many = await Promise.all([1, 2, 3].map((n) => client.echo({ text: `#${n}`, count: n })));
    expect(many.map((r) => r.count)).toEqual([1, 2, 3]);
  });

  it('carries binary payloads nested anywhere, byte for byte', async () => {
    const { client } = await connect();
    const big = new Uint8Array(1_000_000).map((_, i) => (i * 7) % 251);
    const small = Buffer.from('arrow bytes');
    const result = await client.echo({ text: 'bin', data: [{ bytes: new Uint8Array(big) }, { bytes: small }] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(result.data[0]?.bytes ?? new Uint8Array(), big)).toBe(0);
    expect(Buffer.from(result.data[1]?.bytes ?? []).toString()).toBe('arrow bytes');
  });

  it('turns thrown errors into data: code, message, hint, detail, and never a stack', async () => {
    const { client, pair } = await connect();
    const raw: RpcMessage[] = [];
    pair.client.onMessage((m) => raw.push(m));
    const err = await failure(client.fail({ kind: 'ingot' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('Table bronze.nope does not exist.');
    expect(err.hint).toBe('Run `ingot tables`.');
    expect(err.detail).toEqual({ field: 'table' });
    const plain = await failure(client.fail({ kind: 'plain' }));
    expect(plain.code).toBe('INTERNAL');
    expect(plain.message).toBe('something broke inside');
    expect(JSON.stringify(raw)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('validates requests on both ends and results on the server, naming the field', async () => {
    const { client, pair } = await connect();
    const local = await failure(client.echo({ text: 42 as unknown as string }));
    expect(local.code).toBe('INVALID_INPUT');
    expect(local.detail?.field).toBe('text');
    // A client that skips validation still meets the server's.
    const answer = new Promise<RpcMessage>((resolve) => pair.client.onMessage(resolve));
    pair.client.send({ type: 'request', id: 999, method: 'echo', params: { text: 'x', data: [{ bytes: 'not bytes' }] } });
    const response = await answer;
    expect(response).toMatchObject({ type: 'response', id: 999, ok: false, error: { code: 'INVALID_INPUT', detail: { field: 'data[0].bytes' } } });
    const bad = await failure(client.badResult({}));
    expect(bad.code).toBe('INTERNAL');
    expect(bad.message).toContain('badResult result: rows');
  });

  it('refuses an unknown method as data', async () => {
    const { pair } = await connect();
    const answer = new Promise<RpcMessage>((resolve) => pair.client.onMessage(resolve));
    pair.client.send({ type: 'request', id: 1, method: 'dropEverything', params: {} });
    expect(await answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', detail: { method: 'dropEverything' } } });
  });

  it('cancels a call: the client rejects with CANCELLED and the handler signal aborts', async () => {
    const { client, hooks } = await connect();
    const controller = new AbortController();
    const call = client.slow({}, { signal: controller.signal });
    const signal = await hooks.slowStarted;
    expect(signal.aborted).toBe(false);
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    controller.abort();
    expect((await failure(call)).code).toBe('CANCELLED');
    await aborted;
    expect(signal.aborted).toBe(true);
    // An already-aborted signal never reaches the server.
    const again = await failure(client.slow({}, { signal: controller.signal }));
    expect(again.code).toBe('CANCELLED');
    expect(hooks.slowSignals).toHaveLength(1);
    expect(await client.echo({ text: 'still works' })).toMatchObject({ text: 'still works' });
  });

  it('forwards server events to onX listeners until they unsubscribe', async () => {
    const { client } = await connect();
    const seen: number[] = [];
    const stop = client.onTick((e) => seen.push(e.n));
    await client.emit({ n: 1 });
    await client.emit({ n: 2 });
    stop();
    await client.emit({ n: 3 });
    await client.echo({ text: 'flush' });
    expect(seen).toEqual([1, 2]);
  });

  it('rejects pending calls when the connection closes, aborts the handler, and refuses new calls', async () => {
    const { client, hooks, pair } = await connect();
    const call = client.slow({});
    const signal = await hooks.slowStarted;
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    pair.server.close();
    const err = await failure(call);
    expect(err.message).toContain('connection to the Ingot engine closed before slow finished');
    expect(err.hint).toMatch(/reload/i);
    await aborted;
    const after = await failure(client.echo({ text: 'late' }));
    expect(after.message).toContain('closed before echo');
    expect(hooks.sinks.size).toBe(0);
  });

  it('refuses a client built for another API version with a clear hint', async () => {
    const { client } = await connect();
    expect(await client.hello({ apiVersion: API_VERSION, client: 'test' })).toEqual({ apiVersion: API_VERSION });
    const newer = await failure(client.hello({ apiVersion: API_VERSION + 1, client: 'Ingot app' }));
    expect(newer.code).toBe('VERSION_MISMATCH');
    expect(newer.message).toContain(`v${API_VERSION + 1}`);
    expect(newer.hint).toMatch(/update Ingot/);
    const older = await failure(client.hello({ apiVersion: API_VERSION - 1, client: 'Ingot app' }));
    expect(older.hint).toMatch(/Reload the app/);
  });
});
