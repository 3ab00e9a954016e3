// The renderer's link to the engine: dials a transport, says hello with API_VERSION, keeps event
// subscriptions alive across reconnects, and redials with backoff whenever the engine goes away
// (an engine restart, a dropped socket). Screens read the connection state from its snapshot.
import { API_VERSION, type EngineApi, type HelloResult } from '../../shared/api/index.js';
import { IngotError, type ErrorData } from '../../shared/errors.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { errorDataOf } from './error-data.js';

/** `refused`: the server no longer accepts this window (`ingot serve` restarted with a new token); no more dials. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'incompatible' | 'refused' | 'stopped';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** What the engine said in `hello`; kept while reconnecting so the workspace name stays shown. */
  engine: HelloResult | null;
  /** When the next dial happens (epoch ms), while reconnecting. */
  retryAt: number | null;
  /** Why the last dial or session failed. */
  error: ErrorData | null;
}

/** One live session with the engine; `closed` settles when its transport goes away. */
export interface EngineSession {
  api: EngineApi & { close(): void };
  closed: Promise<void>;
}

/** Opens a new session (a WebSocket in the browser, a MessagePort in the desktop app). */
export type Dialer = () => Promise<EngineSession>;

/** The `onX` event streams of the engine API. */
export type EngineEventKey = { [K in keyof EngineApi]: K extends `on${string}` ? K : never }[keyof EngineApi];
type ListenerOf<K extends EngineEventKey> = Parameters<EngineApi[K]>[0];

const CLIENT_NAME = 'ingot-renderer';

export class EngineConnection {
  private snapshot: ConnectionSnapshot = { status: 'stopped', engine: null, retryAt: null, error: null };
  private session: EngineSession | null = null;
  private readonly watchers = new Set<(snapshot: ConnectionSnapshot) => void>();
  private readonly listeners = new Map<EngineEventKey, Set<(event: never) => void>>();
  private detachSession: (() => void)[] = [];
  private running = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dial: Dialer,
    private readonly backoff: BackoffOptions = {},
  ) {}

  /** Starts dialing; keeps the engine connected until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  /** Closes the session and stops redialing. */
  stop(): void {
    this.running = false;
    this.wake?.();
    this.session?.api.close();
    this.update({ status: 'stopped', retryAt: null });
  }

  /** Skips the remaining backoff delay and dials now. */
  retryNow(): void {
    this.wake?.();
  }

  get state(): ConnectionSnapshot {
    return this.snapshot;
  }

  /** The API of the live session; throws a user-facing error while disconnected. */
  get api(): EngineApi {
    if (this.session === null || this.snapshot.status !== 'connected') {
      throw new IngotError('INTERNAL', 'Ingot is not connected to its engine right now.', {
        hint: 'Wait until the status bar says "Connected", then try again.',
      });
    }
    return this.session.api;
  }

  /** Calls `watcher` on every state change (and once now); returns the unsubscribe function. */
  watch(watcher: (snapshot: ConnectionSnapshot) => void): () => void {
    this.watchers.add(watcher);
    watcher(this.snapshot);
    return () => this.watchers.delete(watcher);
  }

  /** Subscribes to an engine event stream; the subscription survives reconnects. */
  on<K extends EngineEventKey>(key: K, listener: ListenerOf<K>): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
      if (this.session) this.detachSession.push(this.forward(this.session, key));
    }
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      this.update({ status: this.snapshot.engine ? 'reconnecting' : 'connecting', retryAt: null });
      let session: EngineSession | null = null;
      try {
        session = await this.dial();
        const hello = await untilClosed(session, session.api.hello({ apiVersion: API_VERSION, client: CLIENT_NAME }));
        if (hello.apiVersion !== API_VERSION) throw versionMismatch(hello.apiVersion);
        if (!this.running) break;
        this.attach(session);
        attempt = 0;
        this.update({ status: 'connected', engine: hello, error: null });
        await session.closed;
        this.update({ error: { code: 'INTERNAL', message: 'The connection to the engine was lost.', hint: 'Ingot reconnects by itself when the engine is back.' } });
      } catch (err) {
        const error = errorDataOf(err);
        if (error.code === 'VERSION_MISMATCH' || error.code === 'UNAUTHORIZED') {
          // Redialing cannot help: the window and the engine differ in version, or the server refuses this window's token.
          session?.api.close();
          this.running = false;
          this.update({ status: error.code === 'UNAUTHORIZED' ? 'refused' : 'incompatible', error, retryAt: null });
          return;
        }
        this.update({ error });
      } finally {
        this.detach();
        session?.api.close();
      }
      if (!this.running) break;
      const delay = backoffDelay(attempt++, this.backoff);
      this.update({ status: 'reconnecting', retryAt: Date.now() + delay });
      await this.sleep(delay);
    }
  }

  private attach(session: EngineSession): void {
    this.session = session;
    for (const key of this.listeners.keys()) this.detachSession.push(this.forward(session, key));
  }

  private detach(): void {
    for (const off of this.detachSession.splice(0)) off();
    this.session = null;
  }

  /** Forwards one event stream of `session` to the listeners registered for it. */
  private forward<K extends EngineEventKey>(session: EngineSession, key: K): () => void {
    const subscribe = session.api[key] as (listener: (event: unknown) => void) => () => void;
    return subscribe((event) => {
      for (const listener of this.listeners.get(key) ?? []) (listener as (event: unknown) => void)(event);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const watcher of this.watchers) watcher(this.snapshot);
  }
}

/** Rejects if the session closes before `promise` settles, so a dead socket never hangs a dial. */
function untilClosed<T>(session: EngineSession, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    session.closed.then((): never => {
      throw new IngotError('INTERNAL', 'The engine closed the connection while Ingot was saying hello.', {
        hint: 'Ingot retries by itself; if this keeps happening, restart `ingot serve`.',
      });
    }),
  ]);
}

function versionMismatch(engineVersion: number): IngotError {
  return new IngotError('VERSION_MISMATCH', `This window speaks engine API version ${API_VERSION}, but the engine speaks version ${engineVersion}.`, {
    hint: 'Reload the page, or restart Ingot so the window and the engine come from the same build.',
  });
}
