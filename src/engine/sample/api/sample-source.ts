// The `order_events` source definition of the ShopFlow sample: the sample API, its bearer token
// named (never written), cursor pagination and an incremental cursor on updated_at.
import { TOKEN_VARIABLE } from './api-server.js';

/** sources/order_events.yaml for a sample API listening at `url`. */
export function orderEventsSource(url: string): string {
  return `# ShopFlow order events from the sample API (start it with \`ingot sample-api\`).
# The token is read from the environment variable ${TOKEN_VARIABLE}; it is never stored here.
kind: http
description: Order lifecycle events (placed, paid, shipped, cancelled) from the ShopFlow API
url: ${url}
params:
  limit: 500
records: data
primary_key: event_id
auth:
  type: bearer
  token_secret: ${TOKEN_VARIABLE}
pagination:
  type: cursor
  cursor_path: meta.next_cursor
  param: cursor
incremental:
  cursor_field: updated_at
  param: updated_since
`;
}
