// The transport-agnostic RPC layer, re-exported from one place.
export * from './client.js';
export * from './codec.js';
export * from './in-process.js';
export * from './message-port-transport.js';
export * from './server.js';
export * from './transport.js';
export * from './version.js';
export * from './websocket-transport.js';
