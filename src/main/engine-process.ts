// Starts the engine in Electron's utility process (engine-process-entry.ts) and hands each page
// that asks a fresh MessagePort to it. The main process itself never touches DuckDB.
import { MessageChannelMain, utilityProcess, type WebFrameMain } from 'electron';
import { DESKTOP_IPC } from '../shared/desktop-bridge.js';
import { ERROR_CODES, IngotError, type ErrorCode } from '../shared/errors.js';

export interface EngineProcess {
  /** Settles once the workspace is open; rejects with the engine's error (a locked workspace, say). */
  ready: Promise<void>;
  /** Settles with the exit code when the process ends, asked to or not. */
  exited: Promise<number>;
  /** Gives `frame` a new port to the engine; throws once the engine has exited. */
  connect(frame: Pick<WebFrameMain, 'postMessage'>): void;
  /** Asks the engine to close the workspace and waits for the process to end (killing it after a grace period). */
  stop(): Promise<void>;
}

/** How long the engine gets to close the workspace before it is killed. */
export const STOP_GRACE_MS = 10_000;

interface EngineMessage {
  type?: string;
  code?: string;
  message?: string;
  hint?: string | null;
}

function errorCode(code: string | undefined): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'INTERNAL';
}

export function startEngineProcess(entry: string, workspace: string, version: string): EngineProcess {
  const child = utilityProcess.fork(entry, [workspace, version], { serviceName: 'Ingot engine', stdio: 'inherit' });
  let alive = true;
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code) => {
      alive = false;
      resolve(code);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: EngineMessage) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'failed') reject(new IngotError(errorCode(message.code), message.message ?? 'The engine could not open the workspace.', message.hint ? { hint: message.hint } : {}));
    });
    void exited.then((code) => reject(new IngotError('INTERNAL', `The Ingot engine stopped (exit code ${code}) before the workspace was open.`)));
  });
  let stopping: Promise<void> | undefined;
  return {
    ready,
    exited,
    connect(frame) {
      if (!alive) throw new IngotError('INTERNAL', 'The Ingot engine is not running.');
      const { port1, port2 } = new MessageChannelMain();
      // The page's end first: if its frame is gone, no session is left open in the engine.
      frame.postMessage(DESKTOP_IPC.enginePort, null, [port2]);
      child.postMessage(null, [port1]);
    },
    stop() {
      stopping ??= (async () => {
        if (!alive) return;
        child.postMessage({ type: 'stop' });
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
        if ((await Promise.race([exited, timeout])) === 'timeout') child.kill();
        await exited;
      })();
      return stopping;
    },
  };
}
