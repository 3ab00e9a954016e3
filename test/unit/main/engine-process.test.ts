// The main process's handle on the engine's utility process, with Electron's utilityProcess and
// MessageChannelMain played by stand-ins: ready, the engine's own error, an early exit, the port
// hand-out (the page first), no ports once it exited, and a stop that kills after the grace period.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeChild extends EventEmitter {
  pid: number | undefined = 4242;
  posted: { message: unknown; transfer: unknown[] }[] = [];
  killed = false;
  postMessage(message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  exit(code: number): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
}

const forks: { entry: string; args: string[]; child: FakeChild }[] = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (entry: string, args: string[]) => {
      const child = new FakeChild();
      forks.push({ entry, args, child });
      return child;
    },
  },
  MessageChannelMain: class {
    port1 = { name: 'engine end' };
    port2 = { name: 'page end' };
  },
}));

const { startEngineProcess, STOP_GRACE_MS } = await import('../../../src/main/engine-process.js');

afterEach(() => {
  forks.length = 0;
  vi.useRealTimers();
});

function start() {
  const engine = startEngineProcess('/app/dist/main/engine-process-entry.js', '/data/shop', '1.2.3');
  const child = forks[0]?.child as FakeChild;
  return { engine, child };
}

describe('engine process (main side)', () => {
  it('forks the entry with the workspace and version, is ready when the engine says so, and hands out ports page-first', async () => {
    const { engine, child } = start();
    expect(forks[0]).toMatchObject({ entry: '/app/dist/main/engine-process-entry.js', args: ['/data/shop', '1.2.3'] });
    child.emit('message', { type: 'ready' });
    await engine.ready;
    const order: string[] = [];
    const frame = { postMessage: vi.fn((channel: string, _m: unknown, ports: { name: string }[]) => order.push(`${channel} ${ports[0]?.name}`)) };
    child.postMessage = (message: unknown, transfer: unknown[] = []) => void order.push(`engine ${(transfer[0] as { name: string }).name} ${String(message)}`);
    engine.connect(frame as never);
    expect(order).toEqual(['ingot:engine-port page end', 'engine engine end null']);
  });

  it("rejects with the engine's own error, or when it exits before it is ready; gives no port once it exited", async () => {
    const failed = start();
    failed.child.emit('message', { type: 'failed', code: 'WORKSPACE_LOCKED', message: 'The workspace is open in process 77.', hint: 'Close it there.' });
    await expect(failed.engine.ready).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED', message: 'The workspace is open in process 77.', hint: 'Close it there.' });
    forks.length = 0;
    const odd = start();
    odd.child.emit('message', { type: 'failed', code: 'NOT_A_CODE', message: 'boom' });
    await expect(odd.engine.ready).rejects.toMatchObject({ code: 'INTERNAL', message: 'boom' });
    forks.length = 0;
    const crashed = start();
    crashed.child.exit(134);
    await expect(crashed.engine.ready).rejects.toThrow('The Ingot engine stopped (exit code 134) before the workspace was open.');
    expect(await crashed.engine.exited).toBe(134);
    expect(() => crashed.engine.connect({ postMessage: vi.fn() } as never)).toThrow('The Ingot engine is not running.');
  });

  it('stops by asking the engine to close the workspace, once, and kills it only after the grace period', async () => {
    const polite = start();
    polite.child.emit('message', { type: 'ready' });
    const stopping = polite.engine.stop();
    expect(polite.engine.stop()).toBe(stopping);
    expect(polite.child.posted).toEqual([{ message: { type: 'stop' }, transfer: [] }]);
    polite.child.exit(0);
    await stopping;
    expect(polite.child.killed).toBe(false);

    vi.useFakeTimers();
    forks.length = 0;
    const stuck = start();
    stuck.child.emit('message', { type: 'ready' });
    const stopped = stuck.engine.stop();
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS - 1);
    expect(stuck.child.killed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck.child.killed).toBe(true);
    stuck.child.exit(143);
    await stopped;
  });
});
