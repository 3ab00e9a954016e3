// data/MANIFEST.json: what the sample contains and exactly how much of each kind of mess, so
// tests (and curious users) can check every load, dedup and quarantine count against it.
import { ABSURD_TOTAL, MALFORMED_DATES, UNKNOWN_STATUSES } from './orders.js';
import { orphanOrderId } from './order-items.js';
import { FIRST_DAY, NEW_DAY, size, type ShopflowPlan } from './plan.js';

export const MANIFEST_FILE = 'data/MANIFEST.json';

/** Paths of the generated files, relative to the workspace root. */
export const SAMPLE_FILES = {
  orders1: 'data/orders/orders_1.csv',
  items1: 'data/order_items/order_items_1.parquet',
  customers: 'data/customers.csv',
  products: 'data/products.ndjson',
  orders2: 'data/late/orders_2.csv',
  items2: 'data/late/order_items_2.parquet',
} as const;
export type SampleFileKey = keyof typeof SAMPLE_FILES;

export interface ManifestFile {
  source: 'orders' | 'order_items' | 'customers' | 'products';
  /** 1 = loaded by `ingot ingest --all`; 2 = the late batch, copied in by the user. */
  batch: 1 | 2;
  format: 'csv' | 'parquet' | 'ndjson';
  /** Data records in the file (CSV: lines after the header). */
  records: number;
}

export interface ShopflowManifest {
  sample: 'shopflow';
  manifest_version: 1;
  seed: number;
  rows: number;
  files: Record<string, ManifestFile>;
  orders: {
    /** Distinct order ids over both batches: 1…distinct_orders. */
    distinct_orders: number;
    batch1: { file: string; records: number; distinct_orders: number; first_order_date: string; last_order_date: string };
    batch2: { file: string; records: number; distinct_orders: number; late_orders: number; status_updates: number; new_day: string; new_day_orders: number };
    /** Extra rows in batch 1 re-delivering an order: identical copies, and copies with a later updated_at and a new status. */
    duplicates: { exact: number; updated: number };
    null_customer_id: number;
    unknown_status: { rows: number; values: string[] };
    /** Rows whose order_date is not a date. They load if order_date is read as text, else they are rejected. */
    malformed_order_date: { rows: number; values: string[]; batch1_records_with_valid_date: number };
    negative_total: number;
    absurd_total: { rows: number; value: string };
    /** Distinct orders over both batches without a NULL customer, unknown status, malformed date or impossible total. */
    clean_orders: number;
  };
  order_items: {
    batch1: { file: string; records: number };
    batch2: { file: string; records: number };
    /** Lines in batch 1 whose order id no batch ever delivers. */
    orphan_lines: { rows: number; first_order_id: number; last_order_id: number };
  };
  customers: { file: string; records: number; mixed_case_email: number; lowercase_country: number };
  products: { file: string; records: number; null_category: number };
}

const FILE_INFO: Record<SampleFileKey, Omit<ManifestFile, 'records'>> = {
  orders1: { source: 'orders', batch: 1, format: 'csv' },
  items1: { source: 'order_items', batch: 1, format: 'parquet' },
  customers: { source: 'customers', batch: 1, format: 'csv' },
  products: { source: 'products', batch: 1, format: 'ndjson' },
  orders2: { source: 'orders', batch: 2, format: 'csv' },
  items2: { source: 'order_items', batch: 2, format: 'parquet' },
};

/** The manifest for `plan`, given the records DuckDB wrote to each file. */
export function buildManifest(plan: ShopflowPlan, records: Record<SampleFileKey, number>): ShopflowManifest {
  const r = plan.roles;
  const files: Record<string, ManifestFile> = {};
  for (const key of Object.keys(SAMPLE_FILES) as SampleFileKey[]) files[SAMPLE_FILES[key]] = { ...FILE_INFO[key], records: records[key] };
  const mess = size(r.nullCustomer) + size(r.unknownStatus) + size(r.malformedDate) + size(r.negativeTotal) + size(r.absurdTotal);
  return {
    sample: 'shopflow',
    manifest_version: 1,
    seed: plan.seed,
    rows: plan.orders,
    files,
    orders: {
      distinct_orders: plan.orders,
      batch1: {
        file: SAMPLE_FILES.orders1,
        records: records.orders1,
        distinct_orders: plan.mainOrders - size(r.late),
        first_order_date: FIRST_DAY,
        last_order_date: dayBefore(NEW_DAY),
      },
      batch2: {
        file: SAMPLE_FILES.orders2,
        records: records.orders2,
        distinct_orders: size(r.late) + size(r.lateUpdate) + plan.newDayOrders,
        late_orders: size(r.late),
        status_updates: size(r.lateUpdate),
        new_day: NEW_DAY,
        new_day_orders: plan.newDayOrders,
      },
      duplicates: { exact: size(r.duplicateExact), updated: size(r.duplicateUpdated) },
      null_customer_id: size(r.nullCustomer),
      unknown_status: { rows: size(r.unknownStatus), values: [...UNKNOWN_STATUSES] },
      malformed_order_date: {
        rows: size(r.malformedDate),
        values: [...MALFORMED_DATES],
        batch1_records_with_valid_date: records.orders1 - size(r.malformedDate),
      },
      negative_total: size(r.negativeTotal),
      absurd_total: { rows: size(r.absurdTotal), value: ABSURD_TOTAL },
      clean_orders: plan.orders - mess,
    },
    order_items: {
      batch1: { file: SAMPLE_FILES.items1, records: records.items1 },
      batch2: { file: SAMPLE_FILES.items2, records: records.items2 },
      orphan_lines: { rows: plan.orphanItems, first_order_id: orphanOrderId(plan, 0), last_order_id: orphanOrderId(plan, plan.orphanItems - 1) },
    },
    customers: {
      file: SAMPLE_FILES.customers,
      records: records.customers,
      mixed_case_email: size(plan.customerMess.mixedCaseEmail),
      lowercase_country: size(plan.customerMess.lowercaseCountry),
    },
    products: { file: SAMPLE_FILES.products, records: records.products, null_category: size(plan.productMess.nullCategory) },
  };
}

function dayBefore(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
