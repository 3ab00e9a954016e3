// The shape of a ShopFlow sample for a given size and seed: how many rows each source gets,
// how many rows carry each kind of seeded mess, and which rank range of each permutation
// holds them. Pure arithmetic, so the manifest and the SQL generators agree by construction.
import { IngotError } from '../../../shared/errors.js';
import { permutation, type Permutation, type RankRange } from './permutation.js';

export type { RankRange };

export const MIN_ROWS = 100;
export const MAX_ROWS = 100_000_000;
/** Batch 1 covers 2024-01-01 … 2024-12-30; the late batch adds 2024-12-31. */
export const FIRST_DAY = '2024-01-01';
export const BATCH1_DAYS = 365;
export const NEW_DAY = '2024-12-31';

/** The mess seeded into batch-1 order ids, each kind a disjoint rank range. */
export interface OrderRoles {
  /** Withheld from batch 1, delivered in the late batch (dated in batch-1 days). */
  late: RankRange;
  /** Delivered in batch 1, re-delivered in the late batch with a later updated_at and a new status. */
  lateUpdate: RankRange;
  nullCustomer: RankRange;
  unknownStatus: RankRange;
  malformedDate: RankRange;
  negativeTotal: RankRange;
  absurdTotal: RankRange;
  /** Delivered twice in batch 1, byte-identical. */
  duplicateExact: RankRange;
  /** Delivered twice in batch 1, the second copy with a later updated_at and a new status. */
  duplicateUpdated: RankRange;
}

export interface ShopflowPlan {
  seed: number;
  /** Distinct orders over both batches. */
  orders: number;
  /** Order ids 1…mainOrders are dated in batch-1 days; the rest fall on the new day. */
  mainOrders: number;
  newDayOrders: number;
  customers: number;
  products: number;
  orphanItems: number;
  roles: OrderRoles;
  orderPermutation: Permutation;
  customerPermutation: Permutation;
  productPermutation: Permutation;
  customerMess: { mixedCaseEmail: RankRange; lowercaseCountry: RankRange };
  productMess: { nullCategory: RankRange };
}

/** Sizes and mess for `rows` orders generated from `seed`. */
export function planShopflow(rows: number, seed: number): ShopflowPlan {
  if (!Number.isSafeInteger(rows) || rows < MIN_ROWS || rows > MAX_ROWS) {
    throw new IngotError('INVALID_INPUT', `The ShopFlow sample needs between ${MIN_ROWS} and ${MAX_ROWS} orders; got ${rows}.`, {
      hint: `Pass --rows with a whole number from ${MIN_ROWS} to ${MAX_ROWS}.`,
      detail: { field: 'rows' },
    });
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new IngotError('INVALID_INPUT', `The sample seed must be a whole number ≥ 0; got ${seed}.`, {
      hint: 'Pass --seed with a non-negative whole number, e.g. --seed 42.',
      detail: { field: 'seed' },
    });
  }
  const newDayOrders = Math.max(1, Math.round(rows / (BATCH1_DAYS + 1)));
  const mainOrders = rows - newDayOrders;
  const share = (fraction: number, atLeast: number): number => Math.max(atLeast, Math.round(mainOrders * fraction));
  const roles = consecutive({
    late: share(0.01, 2),
    lateUpdate: share(0.002, 2),
    nullCustomer: share(0.002, 2),
    unknownStatus: share(0.001, 2),
    malformedDate: share(0.0002, 3),
    negativeTotal: share(0.0003, 2),
    absurdTotal: share(0.0001, 2),
    duplicateExact: share(0.003, 2),
    duplicateUpdated: share(0.002, 2),
  });
  const customers = Math.max(20, Math.round(rows / 5));
  const products = Math.min(5000, Math.max(50, Math.round(rows / 20)));
  return {
    seed,
    orders: rows,
    mainOrders,
    newDayOrders,
    customers,
    products,
    orphanItems: Math.max(2, Math.round(rows * 0.0005)),
    roles,
    orderPermutation: permutation(mainOrders, seed, 1),
    customerPermutation: permutation(customers, seed, 2),
    productPermutation: permutation(products, seed, 3),
    customerMess: consecutive({
      mixedCaseEmail: Math.max(1, Math.round(customers * 0.01)),
      lowercaseCountry: Math.max(1, Math.round(customers * 0.01)),
    }),
    productMess: consecutive({ nullCategory: Math.max(1, Math.round(products * 0.005)) }),
  };
}

/** The number of rows in a rank range. */
export function size(range: RankRange): number {
  return range.to - range.from;
}

/** Lays counts out as consecutive rank ranges starting at 0, in key order. */
function consecutive<K extends string>(counts: Record<K, number>): Record<K, RankRange> {
  let next = 0;
  const out = {} as Record<K, RankRange>;
  for (const key of Object.keys(counts) as K[]) {
    out[key] = { from: next, to: next + counts[key] };
    next += counts[key];
  }
  return out;
}
