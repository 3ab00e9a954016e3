// The three transports the RPC tests run over: in-process, a worker_threads MessageChannel
// (structured clone with transfer lists), and a real WebSocket on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MessageChannel } from 'node:worker_threads';
import { WebSocket, WebSocketServer } from 'ws';
import { inProcessPair } from '../../../src/shared/rpc/in-process.js';
import { messagePortTransport } from '../../../src/shared/rpc/message-port-transport.js';
import type { Transport } from '../../../src/shared/rpc/transport.js';
import { webSocketTransport } from '../../../src/shared/rpc/websocket-transport.js';

export interface TransportPair {
  client: Transport;
  server: Transport;
  dispose(): Promise<void>;
}

export const TRANSPORTS: Record<string, () => Promise<TransportPair>> = {
  'in-process': async () => {
    const [client, server] = inProcessPair();
    return { client, server, dispose: async () => client.close() };
  },
  'MessagePort': async () => {
    const { port1, port2 } = new MessageChannel();
    const client = messagePortTransport(port1);
    const server = messagePortTransport(port2);
    return { client, server, dispose: async () => client.close() };
  },
  'WebSocket': async () => {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = webSocketTransport(new WebSocket(`ws://127.0.0.1:${port}`));
    const server = webSocketTransport(await accepted);
    return {
      client,
      server,
      dispose: async () => {
        client.close();
        for (const ws of wss.clients) ws.terminate();
        await new Promise((resolve) => wss.close(resolve));
        await new Promise((resolve) => http.close(resolve));
      },
    };
  },
};
