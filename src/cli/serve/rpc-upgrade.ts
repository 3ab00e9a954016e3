// Accepts WebSocket connections at /rpc after the guard's checks (Host, Origin, token) and
// serves the engine contract on each one; refused handshakes get a plain HTTP error and the
// socket is closed before any engine code runs.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { ENGINE_CONTRACT } from '../../shared/api/engine-api.js';
import { serveRpc } from '../../shared/rpc/server.js';
import { webSocketTransport } from '../../shared/rpc/websocket-transport.js';
import type { EngineHost } from '../../engine/host.js';
import { guardRequest, type GuardConfig } from './request-guard.js';

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, wss: WebSocketServer, host: EngineHost, config: GuardConfig): void {
  socket.on('error', () => socket.destroy());
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path !== '/rpc') return refuse(socket, 404, 'The engine WebSocket is at /rpc.');
  const verdict = guardRequest(req, config, { upgrade: true });
  if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
  wss.handleUpgrade(req, socket, head, (ws) => {
    serveRpc(ENGINE_CONTRACT, host.handlers, webSocketTransport(ws), { events: (sink) => host.subscribe(sink) });
  });
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = reason + '\n';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
