// What every group of host handlers shares: the open workspace, pooled connections for short
// calls, and the event hub that reaches every connected client.
import type { Workspace } from '../workspace/workspace.js';
import type { ConnectionPool } from './connection-pool.js';
import type { EventHub } from './events.js';

export interface HostContext {
  workspace: Workspace;
  pool: ConnectionPool;
  events: EventHub;
}
