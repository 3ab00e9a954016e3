// Starts the engine in Electron's utility process (engine-process-entry.ts) and hands each page
// that asks a fresh MessagePort to it. The main process itself never touches DuckDB.
import { MessageChannelMain, utilityProcess, type WebFrameMain } from 'electron';
import { DESKTOP_IPC } from '../shared/desktop-bridge.js';
import { IngotError } from '../shared/errors.js';

export interface EngineProcess {
  /** Settles once the workspace is open; rejects with the engine's error (a locked workspace, say). */
  ready: Promise<void>;
  /** Gives `frame` a new port to the engine. */
  connect(frame: WebFrameMain): void;
  /** Asks the engine to close the workspace and waits for the process to end (killing it after a grace period). */
  stop(): Promise<void>;
}

/** How long the engine gets to close the workspace before it is killed. */
const STOP_GRACE_MS = 10_000;

interface EngineMessage {
  type?: string;
  code?: string;
  message?: string;
  hint?: string | null;
}

export function startEngineProcess(entry: string, workspace: string, version: string): EngineProcess {
  const child = utilityProcess.fork(entry, [workspace, version], { serviceName: 'Ingot engine', stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => child.once('exit', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: EngineMessage) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'failed') reject(new IngotError(message.code === 'WORKSPACE_LOCKED' ? 'WORKSPACE_LOCKED' : 'WORKSPACE_INVALID', message.message ?? 'The engine could not open the workspace.', message.hint ? { hint: message.hint } : {}));
    });
    void exited.then((code) => reject(new IngotError('INTERNAL', `The Ingot engine stopped (exit code ${code}) before the workspace was open.`)));
  });
  return {
    ready,
    connect(frame) {
      const { port1, port2 } = new MessageChannelMain();
      child.postMessage(null, [port1]);
      frame.postMessage(DESKTOP_IPC.enginePort, null, [port2]);
    },
    async stop() {
      if (child.pid === undefined) return;
      child.postMessage({ type: 'stop' });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill();
      await exited;
    },
  };
}
