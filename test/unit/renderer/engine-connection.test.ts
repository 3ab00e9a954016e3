// The renderer's engine connection over the real RPC layer (in-process transports): it says
// hello, forwards events, reconnects after the engine goes away with subscriptions intact, and
// stops for good when the engine refuses its API version.
import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSION, ENGINE_CONTRACT, type EngineHandlers, type RunEvent } from '../../../src/shared/api/index.js';
import type { EventSink } from '../../../src/shared/api/engine-api.js';
import { createRpcClient, inProcessPair, serveRpc, type RpcServer } from '../../../src/shared/rpc/index.js';
import { checkApiVersion } from '../../../src/shared/rpc/version.js';
import { EngineConnection, type ConnectionSnapshot, type Dialer } from '../../../src/renderer/api/engine-connection.js';
import { serverRestartedError } from '../../../src/renderer/api/websocket-dialer.js';

type Sink = EventSink<typeof ENGINE_CONTRACT>;

/** A tiny engine: answers hello (optionally with another API version) and can publish events. */
function fakeEngine(options: { refuseVersion?: boolean } = {}) {
  const servers: RpcServer[] = [];
  const sinks = new Set<Sink>();
  let dials = 0;
  const handlers = {
    hello: async (request: { apiVersion: number; client: string }) => {
      checkApiVersion(options.refuseVersion ? request.apiVersion + 1 : request.apiVersion, request.client);
      return { apiVersion: API_VERSION, engineVersion: '9.9.9', workspace: { name: 'shop', root: '/tmp/shop' } };
    },
  } as unknown as EngineHandlers;
  const dial: Dialer = async () => {
    dials++;
    const [clientSide, serverSide] = inProcessPair();
    const server = serveRpc(ENGINE_CONTRACT, handlers, serverSide, {
      events: (sink) => {
        sinks.add(sink);
        return () => sinks.delete(sink);
      },
    });
    servers.push(server);
    const closed = new Promise<void>((resolve) => clientSide.onClose(resolve));
    return { api: createRpcClient(ENGINE_CONTRACT, clientSide), closed };
  };
  return {
    dial,
    dials: () => dials,
    publish: (event: RunEvent) => sinks.forEach((sink) => sink('runEvent', event)),
    /** The engine restarts: every open connection drops. */
    dropAll: () => servers.splice(0).forEach((s) => s.close()),
  };
}

function until(connection: EngineConnection, status: ConnectionSnapshot['status']): Promise<ConnectionSnapshot> {
  return new Promise((resolve) => {
    const off = connection.watch((s) => {
      if (s.status === status) {
        queueMicrotask(() => off());
        resolve(s);
      }
    });
  });
}

const connections: EngineConnection[] = [];
afterEach(() => connections.splice(0).forEach((c) => c.stop()));

function connect(engine: ReturnType<typeof fakeEngine>): EngineConnection {
  const connection = new EngineConnection(engine.dial, { initialMs: 10, maxMs: 40 });
  connections.push(connection);
  connection.start();
  return connection;
}

const started: RunEvent = { type: 'run-started', runId: 7, models: ['a'], at: '2024-05-01T10:00:00.000Z' };

describe('EngineConnection', () => {
  it('says hello and exposes the engine and workspace', async () => {
    const engine = fakeEngine();
    const connection = connect(engine);
    const snapshot = await until(connection, 'connected');
    expect(snapshot.engine).toMatchObject({ engineVersion: '9.9.9', workspace: { name: 'shop' } });
    expect(() => connection.api).not.toThrow();
  });

  it('refuses calls while disconnected with a user-facing error', () => {
    const connection = new EngineConnection(fakeEngine().dial);
    expect(() => connection.api).toThrow(/not connected to its engine/);
  });

  it('reconnects after the engine drops the connection and keeps event subscriptions', async () => {
    const engine = fakeEngine();
    const connection = connect(engine);
    const events: RunEvent[] = [];
    connection.on('onRunEvent', (e) => events.push(e));
    await until(connection, 'connected');
    engine.publish(started);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toHaveLength(1);

    const reconnecting = until(connection, 'reconnecting');
    engine.dropAll();
    expect((await reconnecting).engine?.workspace.name).toBe('shop');
    await until(connection, 'connected');
    expect(engine.dials()).toBe(2);
    engine.publish({ ...started, runId: 8 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events.map((e) => e.runId)).toEqual([7, 8]);
  });

  it('stops redialing when the engine refuses its API version', async () => {
    const engine = fakeEngine({ refuseVersion: true });
    const connection = connect(engine);
    const snapshot = await until(connection, 'incompatible');
    expect(snapshot.error?.code).toBe('VERSION_MISMATCH');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(engine.dials()).toBe(1);
  });

  it('retries with backoff while the engine cannot be reached', async () => {
    let attempts = 0;
    const connection = new EngineConnection(
      async () => {
        attempts++;
        throw new Error('connection refused');
      },
      { initialMs: 5, maxMs: 5 },
    );
    connections.push(connection);
    connection.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).toBeGreaterThan(2);
    expect(connection.state.status).toBe('reconnecting');
    expect(connection.state.error?.message).toContain('connection refused');
  });

  it('stops redialing when the server refuses the window\'s token (it restarted)', async () => {
    let attempts = 0;
    const connection = new EngineConnection(
      async () => {
        attempts++;
        throw serverRestartedError('ws://127.0.0.1:4815/rpc');
      },
      { initialMs: 5, maxMs: 5 },
    );
    connections.push(connection);
    connection.start();
    const snapshot = await until(connection, 'refused');
    expect(snapshot.error?.hint).toContain('Open the new URL');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).toBe(1);
  });
});
