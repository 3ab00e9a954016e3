// The desktop app's engine link without Electron: the renderer's MessagePort dialer asks the
// bridge for a port, the engine service answers on it (a MessagePortMain-shaped port, copying
// binaries as in the app) with the real engine on a real workspace, and Arrow results come
// through intact. Port messages from another origin are ignored, an engine that never answers
// gives a clear error, and a port that arrives after that is closed.
import { MessageChannel } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHost, type EngineHost } from '../../../src/engine/host.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { serveEngineOnPort } from '../../../src/main/engine-service.js';
import { messagePortDialer, type PortWindow } from '../../../src/renderer/api/message-port-dialer.js';
import { API_VERSION } from '../../../src/shared/api/engine-api.js';
import { DESKTOP_IPC } from '../../../src/shared/desktop-bridge.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { portMain } from './port-main.js';

const ORIGIN = 'app://ingot';
let host: EngineHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A stand-in for the page's window, on which the preload posts the port. */
function pageWindow(): PortWindow & { post(data: unknown, origin: string, ports: MessagePort[]): void } {
  const target = new EventTarget();
  return Object.assign(target, {
    location: { origin: ORIGIN },
    post(data: unknown, origin: string, ports: MessagePort[]) {
      target.dispatchEvent(new MessageEvent('message', { data, origin, ports }));
    },
  }) as unknown as PortWindow & { post(data: unknown, origin: string, ports: MessagePort[]): void };
}

describe('desktop engine link (MessagePort)', () => {
  it('connects the page to the engine: hello, an Arrow result, and a session that ends when the port closes', async () => {
    const root = await tempDir('ingot-engine-port-');
    await initWorkspace(root, { name: 'desk' });
    const engine = (host = await createEngineHost(root, { engineVersion: '9.9.9', watch: false, schedules: false }));
    const page = pageWindow();
    const enginePorts: MessagePort[] = [];
    const dial = messagePortDialer(
      {
        connectEngine() {
          const { port1, port2 } = new MessageChannel();
          enginePorts.push(port1 as unknown as MessagePort);
          serveEngineOnPort(engine, portMain(port1), { transferBinary: false });
          // What the preload does with the port the main process sends it.
          page.post({ type: DESKTOP_IPC.enginePort }, ORIGIN, [port2 as unknown as MessagePort]);
        },
      },
      page,
    );
    const session = await dial();
    const hello = await session.api.hello({ apiVersion: API_VERSION, client: 'desktop test' });
    expect(hello).toMatchObject({ apiVersion: API_VERSION, engineVersion: '9.9.9', workspace: { name: 'desk' } });
    const result = await session.api.query({ sql: "SELECT 42 AS answer, 'zwölf' AS word, [1, 2] AS list" });
    const row = tableFromIPC(result.ipc).toArray()[0] as { answer: number; word: string; list: { toArray(): Int32Array } };
    expect([row.answer, row.word, Array.from(row.list.toArray())]).toEqual([42, 'zwölf', [1, 2]]);
    expect(result.columns.map((c) => c.name)).toEqual(['answer', 'word', 'list']);
    enginePorts[0]?.close();
    await session.closed;
  });

  it('ignores port messages from another origin or without the engine-port type, and times out clearly', async () => {
    const page = pageWindow();
    const stray = new MessageChannel();
    const dial = messagePortDialer(
      {
        connectEngine() {
          page.post({ type: DESKTOP_IPC.enginePort }, 'https://evil.example', [stray.port1 as unknown as MessagePort]);
          page.post({ type: 'something-else' }, ORIGIN, [stray.port2 as unknown as MessagePort]);
        },
      },
      page,
      200,
    );
    await expect(dial()).rejects.toThrow('The Ingot engine did not answer.');
    // The engine's answer, too late: the page closes it rather than keep an unused session.
    const late = new MessageChannel();
    const closed = new Promise<void>((resolve) => late.port1.once('close', resolve));
    page.post({ type: DESKTOP_IPC.enginePort }, ORIGIN, [late.port2 as unknown as MessagePort]);
    await closed;
    stray.port1.close();
  });
});
