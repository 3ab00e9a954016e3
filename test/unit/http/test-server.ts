// A real HTTP server on 127.0.0.1 for the HTTP source tests: records every request, answers with
// a handler the test writes (fault injection included), and can be killed mid-load and started
// again on the same port; and a port that never completes a connection.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** Date.now() when the request arrived. */
  at: number;
}

export type Handler = (req: SeenRequest, res: ServerResponse, n: number) => void | Promise<void>;

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  readonly requests: SeenRequest[];
  /** Most requests in flight at once so far. */
  readonly maxInFlight: number;
  handler: Handler;
  /** Stops listening and cuts every open connection at once. */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, value: unknown, status = 200, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let port = 0;
  let server: Server;
  const state = {
    handler,
  };
  const make = (): Server => {
    const s = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        requests.push(seen);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        res.on('close', () => inFlight--);
        Promise.resolve(state.handler(seen, res, requests.length)).catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(599);
          res.end(String(err));
        });
      });
    });
    s.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return s;
  };
  const listen = (s: Server, at: number): Promise<number> =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(at, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
    });
  server = make();
  port = await listen(server, 0);
  const stop = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    get handler() {
      return state.handler;
    },
    set handler(h: Handler) {
      state.handler = h;
    },
    kill: stop,
    async restart() {
      server = make();
      await listen(server, port);
    },
    close: async () => {
      if (server.listening) await stop();
    },
  };
}

/** A deterministic record: id, a timestamp that grows with the id, and a nested object. */
export function makeRecord(id: number): { id: number; updated_at: string; status: string; amount: number; customer: { id: string; country: string } } {
  return {
    id,
    updated_at: new Date(Date.UTC(2024, 2, 1) + id * 60_000).toISOString(),
    status: ['placed', 'paid', 'shipped', 'cancelled'][id % 4] as string,
    amount: Math.round(id * 137) / 100,
    customer: { id: `C${id % 7}`, country: ['DE', 'FR', 'NL'][id % 3] as string },
  };
}

/**
 * A port on 127.0.0.1 where connections are never completed: a listener in a stopped process
 * whose accept queue is already full, so the kernel drops further connection attempts (what a
 * firewalled or overloaded host does). For connect timeouts.
 */
export async function stalledPort(): Promise<{ port: number; close(): void }> {
  const child = spawn(process.execPath, ['-e', "const s = require('net').createServer(); s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => console.log(s.address().port));"], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = Number(await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))));
  child.kill('SIGSTOP');
  const fillers = Array.from({ length: 4 }, () => connect(port, '127.0.0.1').on('error', () => undefined));
  await new Promise((r) => setTimeout(r, 200));
  return {
    port,
    close: () => {
      for (const f of fillers) f.destroy();
      child.kill('SIGKILL');
    },
  };
}

