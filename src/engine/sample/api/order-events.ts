// The ShopFlow `order_events` feed: a deterministic story of orders being placed, paid, shipped
// or cancelled. Order k is placed at START + k·ORDER_EVERY; its later events follow by hashed
// delays. A feed "at" N orders shows every event that has happened by the time order N was
// placed, so a larger N only ever adds newer events: incremental loads see the feed grow.

export type OrderEventType = 'placed' | 'paid' | 'shipped' | 'cancelled';

export interface OrderEvent {
  event_id: string;
  order_id: number;
  type: OrderEventType;
  occurred_at: string;
  updated_at: string;
  amount: number;
  currency: 'EUR';
  customer: { id: string; country: string };
  items: number;
}

export const FEED_START = Date.UTC(2024, 0, 1);
/** Time between two orders being placed. */
export const ORDER_EVERY_MS = 7 * 60_000;
const COUNTRIES = ['DE', 'FR', 'NL', 'BE', 'AT', 'ES', 'IT'] as const;

/** A 32-bit hash of (salt, n): the same inputs give the same number on every machine. */
function hash(salt: number, n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The events of order `k` (1-based), in time order. */
export function orderEvents(k: number): OrderEvent[] {
  const placed = FEED_START + k * ORDER_EVERY_MS;
  const items = 1 + (hash(1, k) % 4);
  const amount = Math.round((items * (900 + (hash(2, k) % 9000))) / 10) / 100;
  const customer = { id: `C${String(1 + (hash(3, k) % 500)).padStart(5, '0')}`, country: COUNTRIES[hash(4, k) % COUNTRIES.length] as string };
  const event = (type: OrderEventType, at: number): OrderEvent => {
    const time = new Date(at).toISOString();
    return { event_id: `${k}-${type}`, order_id: k, type, occurred_at: time, updated_at: time, amount, currency: 'EUR', customer, items };
  };
  const out = [event('placed', placed)];
  const fate = hash(5, k) % 100;
  if (fate < 8) return [...out, event('cancelled', placed + 10 * 60_000 + (hash(6, k) % (2 * 3_600_000)))];
  const paid = placed + 60_000 + (hash(7, k) % 3_600_000);
  out.push(event('paid', paid));
  if (fate < 12) return [...out, event('cancelled', paid + 15 * 60_000 + (hash(8, k) % (4 * 3_600_000)))];
  return [...out, event('shipped', paid + 20 * 60_000 + (hash(9, k) % (8 * 3_600_000)))];
}

/** Every event that has happened by the time order `orders` was placed, oldest first. */
export function feedAt(orders: number): OrderEvent[] {
  const now = FEED_START + orders * ORDER_EVERY_MS;
  const events: OrderEvent[] = [];
  for (let k = 1; k <= orders; k++) for (const e of orderEvents(k)) if (Date.parse(e.occurred_at) <= now) events.push(e);
  return events.sort((a, b) => a.updated_at.localeCompare(b.updated_at) || a.order_id - b.order_id || a.event_id.localeCompare(b.event_id));
}
