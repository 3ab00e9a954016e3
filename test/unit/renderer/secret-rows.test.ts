// The rows of the Ingest screen's Secrets panel: one per secret name (a name several sources share
// is one row, listing each use), sorted, with a status that says where the value comes from.
import { describe, expect, it } from 'vitest';
import { secretRows, secretStatusText } from '../../../src/renderer/features/ingest/secret-rows.js';

describe('secret rows', () => {
  it('groups the uses of one name and says where each value comes from', () => {
    const rows = secretRows({
      file: '/home/ana/.config/ingot/secrets.json',
      saved: ['SHOP_TOKEN'],
      sources: [
        { source: 'orders', file: 'sources/orders.yaml', secrets: [{ name: 'SHOP_TOKEN', field: 'auth.token_secret', origin: 'saved', saved: true }] },
        { source: 'refunds', file: 'sources/refunds.yaml', secrets: [{ name: 'SHOP_TOKEN', field: 'auth.token_secret', origin: 'saved', saved: true }] },
        { source: 'crm', file: 'sources/crm.yaml', secrets: [{ name: 'CRM_PASSWORD', field: 'auth.password_secret', origin: null, saved: false }] },
      ],
    });
    expect(rows).toEqual([
      { name: 'CRM_PASSWORD', usedBy: ['crm (auth.password_secret)'], origin: null, saved: false },
      { name: 'SHOP_TOKEN', usedBy: ['orders (auth.token_secret)', 'refunds (auth.token_secret)'], origin: 'saved', saved: true },
    ]);
    expect(rows.map(secretStatusText)).toEqual(['not set', 'set (saved)']);
    expect(secretStatusText({ name: 'X', origin: 'environment', saved: true })).toBe('set by the environment variable X, which wins over the saved value');
    expect(secretStatusText({ name: 'X', origin: 'environment', saved: false })).toBe('set by the environment variable X');
  });
});
