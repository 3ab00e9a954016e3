// The client side of a contract: one async function per method and one `onX` subscription per
// event, over any transport. Every call has an id and can be cancelled with an AbortSignal;
// errors arrive as data and are rethrown as IngotErrors.
import type { CallOptions, ClientApi, Contract } from '../api/engine-api.js';
import { IngotError } from '../errors.js';
import { Listeners } from './listeners.js';
import type { RpcMessage, Transport } from './transport.js';
import { parseRequest } from './validation.js';

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: IngotError) => void;
  cleanup: () => void;
}

export type RpcClient<C extends Contract> = ClientApi<C> & {
  /** Rejects pending calls and closes the transport. */
  close(): void;
};

/** A client for `contract` over `transport`. Requests are validated before they are sent. */
export function createRpcClient<C extends Contract>(contract: C, transport: Transport): RpcClient<C> {
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Listeners<[unknown]>>();
  let nextId = 1;
  let closed = false;

  const call = (method: string, request: unknown, options: CallOptions = {}): Promise<unknown> => {
    const spec = contract.methods[method];
    if (!spec) return Promise.reject(new IngotError('NOT_FOUND', `No method "${method}" in this contract.`));
    if (closed) return Promise.reject(disconnected(method));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(cancelled(method));
    const params = request ?? {};
    try {
      parseRequest(spec.request, method, params);
    } catch (err) {
      return Promise.reject(err as IngotError);
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        if (!pending.delete(id)) return;
        transport.send({ type: 'cancel', id });
        reject(cancelled(method));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, { method, resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      try {
        transport.send({ type: 'request', id, method, params });
      } catch (err) {
        pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        reject(err instanceof IngotError ? err : new IngotError('INTERNAL', `Could not send ${method}: ${String(err)}`));
      }
    });
  };

  const onMessage = (message: RpcMessage): void => {
    if (message.type === 'response') {
      const entry = pending.get(message.id);
      if (!entry) return; // cancelled or unknown: nobody waits for it
      pending.delete(message.id);
      entry.cleanup();
      if (message.ok) entry.resolve(message.result);
      else entry.reject(IngotError.fromData(message.error));
    } else if (message.type === 'event') {
      eventListeners.get(message.name)?.emit(message.payload);
    }
  };

  const shutdown = (): void => {
    if (closed) return;
    closed = true;
    for (const entry of pending.values()) {
      entry.cleanup();
      entry.reject(disconnected(entry.method));
    }
    pending.clear();
    stopMessages();
  };
  const stopMessages = transport.onMessage(onMessage);
  transport.onClose(shutdown);

  const api: Record<string, unknown> = {
    close() {
      shutdown();
      transport.close();
    },
  };
  for (const method of Object.keys(contract.methods)) {
    api[method] = (request: unknown, options?: CallOptions) => call(method, request, options);
  }
  for (const name of Object.keys(contract.events)) {
    const listeners = new Listeners<[unknown]>();
    eventListeners.set(name, listeners);
    api[`on${name.charAt(0).toUpperCase()}${name.slice(1)}`] = (listener: (event: unknown) => void) => listeners.add(listener);
  }
  return api as RpcClient<C>;
}

function cancelled(method: string): IngotError {
  return new IngotError('CANCELLED', `${method} was cancelled.`, { detail: { method } });
}

function disconnected(method: string): IngotError {
  return new IngotError('INTERNAL', `The connection to the Ingot engine closed before ${method} finished.`, {
    hint: 'The engine stopped or restarted. Reconnect (reload the app) and try again.',
    detail: { method, reason: 'disconnected' },
  });
}
