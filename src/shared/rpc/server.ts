// Serves a contract's handlers over a transport: validates every request with the method's
// schema, runs the handler with a cancellation signal, answers with the result or with the
// error as data (never a stack), and forwards the server's events to the client.
import type { Contract, EventSink, Handlers } from '../api/engine-api.js';
import { IngotError, toErrorData, type ErrorData } from '../errors.js';
import type { RpcRequest, Transport } from './transport.js';
import { parseRequest, parseResult } from './validation.js';

export interface ServeRpcOptions<C extends Contract> {
  /** Subscribes to the server's events; returns the unsubscribe function. */
  events?: (sink: EventSink<C>) => () => void;
  /** Check results and events against their schemas (default true; the engine may turn it off in production). */
  validateResults?: boolean;
}

export interface RpcServer {
  /** Stops serving: aborts running handlers, unsubscribes events, closes the transport. */
  close(): void;
}

/** Serves `handlers` (which implement `contract`) to the client on the other end of `transport`. */
export function serveRpc<C extends Contract>(contract: C, handlers: Handlers<C>, transport: Transport, options: ServeRpcOptions<C> = {}): RpcServer {
  const validate = options.validateResults ?? true;
  const running = new Map<number, AbortController>();
  let closed = false;

  const respondError = (id: number, error: ErrorData): void => transport.send({ type: 'response', id, ok: false, error });

  const handle = async (request: RpcRequest): Promise<void> => {
    const { id, method } = request;
    if (running.has(id)) return respondError(id, { code: 'INVALID_INPUT', message: `Request id ${id} is already in use.` });
    const spec = Object.hasOwn(contract.methods, method) ? contract.methods[method] : undefined;
    const handler = spec && Object.hasOwn(handlers, method) ? (handlers as Record<string, Handler>)[method] : undefined;
    if (!spec || !handler) {
      return respondError(id, {
        code: 'NOT_FOUND',
        message: `The engine has no method "${method}".`,
        hint: 'The app and the engine come from different Ingot versions: reload the app or update Ingot.',
        detail: { method },
      });
    }
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const params = parseRequest(spec.request, method, request.params);
      const value = await handler(params, { signal: controller.signal });
      const result = validate ? parseResult(spec.result, `${method} result`, value) : value;
      // A cancelled call's client stopped waiting; do not send it a (possibly large) answer.
      if (!closed && !controller.signal.aborted) transport.send({ type: 'response', id, ok: true, result });
    } catch (err) {
      if (!closed) respondError(id, errorData(err, controller.signal));
    } finally {
      running.delete(id);
    }
  };

  const sink: EventSink<C> = (name, event) => {
    if (closed) return;
    const schema = contract.events[name];
    let payload: unknown = event;
    if (validate && schema) {
      try {
        payload = parseResult(schema, `${name} event`, event);
      } catch (err) {
        console.error(toErrorData(err).message);
        return;
      }
    }
    try {
      transport.send({ type: 'event', name, payload });
    } catch (err) {
      console.error(`Could not send the ${name} event: ${toErrorData(err).message}`);
    }
  };

  const stopMessages = transport.onMessage((message) => {
    if (message.type === 'request') void handle(message);
    else if (message.type === 'cancel') running.get(message.id)?.abort();
  });
  const unsubscribe = options.events?.(sink);

  const shutdown = (): void => {
    if (closed) return;
    closed = true;
    for (const controller of running.values()) controller.abort();
    running.clear();
    stopMessages();
    unsubscribe?.();
  };
  transport.onClose(shutdown);

  return {
    close() {
      shutdown();
      transport.close();
    },
  };
}

type Handler = (request: unknown, context: { signal: AbortSignal }) => Promise<unknown>;

/** Errors as data; whatever a cancelled handler throws is reported as a cancellation. */
function errorData(err: unknown, signal: AbortSignal): ErrorData {
  if (signal.aborted && !(err instanceof IngotError && err.code === 'CANCELLED')) {
    return { code: 'CANCELLED', message: 'The call was cancelled before it finished.' };
  }
  return toErrorData(err);
}
