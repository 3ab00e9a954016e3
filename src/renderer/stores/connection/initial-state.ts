// Initial state of the connection store: not connected yet.
import type { ConnectionSnapshot } from '../../api/engine-connection.js';

export type ConnectionState = ConnectionSnapshot;

export const initialConnectionState: ConnectionState = { status: 'connecting', engine: null, retryAt: null, error: null };
