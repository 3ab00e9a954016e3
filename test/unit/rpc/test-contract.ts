// A small contract for exercising the RPC layer: echo (with bytes), errors, a cancellable slow
// call, an invalid result, a server event, and the version handshake.
import { z } from 'zod';
import { API_VERSION, type Contract, type EventSink, type Handlers } from '../../../src/shared/api/engine-api.js';
import { HelloRequestSchema } from '../../../src/shared/api/workspace.js';
import { IngotError } from '../../../src/shared/errors.js';
import { checkApiVersion } from '../../../src/shared/rpc/version.js';

const bytes = z.instanceof(Uint8Array);

export const TEST_CONTRACT = {
  methods: {
    hello: { request: HelloRequestSchema, result: z.object({ apiVersion: z.number() }) },
    echo: {
      request: z.object({ text: z.string(), count: z.number().int().default(1), data: z.array(z.object({ bytes })).default([]) }),
      result: z.object({ text: z.string(), count: z.number(), data: z.array(z.object({ bytes })) }),
    },
    fail: { request: z.object({ kind: z.enum(['ingot', 'plain']) }), result: z.object({}) },
    slow: { request: z.object({}), result: z.object({ done: z.boolean() }) },
    badResult: { request: z.object({}), result: z.object({ rows: z.number() }) },
    emit: { request: z.object({ n: z.number() }), result: z.object({}) },
  },
  events: { tick: z.object({ n: z.number() }) },
} satisfies Contract;
export type TestContract = typeof TEST_CONTRACT;

/** Handlers plus hooks the tests inspect: the signal each slow call got, and the event sinks. */
export function testHandlers(): { handlers: Handlers<TestContract>; slowSignals: AbortSignal[]; slowStarted: Promise<AbortSignal>; sinks: Set<EventSink<TestContract>> } {
  const slowSignals: AbortSignal[] = [];
  const sinks = new Set<EventSink<TestContract>>();
  let started: (signal: AbortSignal) => void = () => undefined;
  const slowStarted = new Promise<AbortSignal>((resolve) => (started = resolve));
  const handlers: Handlers<TestContract> = {
    hello: async (req) => {
      checkApiVersion(req.apiVersion, req.client);
      return { apiVersion: API_VERSION };
    },
    echo: async (req) => req,
    fail: async (req) => {
      if (req.kind === 'ingot') {
        throw new IngotError('NOT_FOUND', 'Table bronze.nope does not exist.', { hint: 'Run `ingot tables`.', detail: { field: 'table' } });
      }
      throw new Error('something broke inside');
    },
    slow: (_req, { signal }) => {
      slowSignals.push(signal);
      started(signal);
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    },
    badResult: async () => ({ rows: 'many' }) as unknown as { rows: number },
    emit: async (req) => {
      for (const sink of sinks) sink('tick', { n: req.n });
      return {};
    },
  };
  return { handlers, slowSignals, slowStarted, sinks };
}
