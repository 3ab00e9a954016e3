// Deep links: the hash of a screen and what is open on it, read back; which changes are history
// entries; what a screen shows when Back, Forward or a link brings a hash.
import { describe, expect, it } from 'vitest';
import { formatRoute, historyMode, itemToShow, layerItem, parseLayerItem, parseRoute, parseRunItem, sameRoute, type Route } from '../../../src/renderer/route.js';
import { SCREENS, screenFromHash } from '../../../src/renderer/screens.js';

describe('formatRoute and parseRoute', () => {
  it('name the screen, and the item when one is open', () => {
    expect(formatRoute({ screen: 'runs', item: null })).toBe('#/runs');
    expect(formatRoute({ screen: 'runs', item: '42' })).toBe('#/runs/42');
    expect(formatRoute({ screen: 'tables', item: 'bronze.orders' })).toBe('#/tables/bronze.orders');
    expect(parseRoute('#/tables/bronze.orders')).toEqual({ screen: 'tables', item: 'bronze.orders' });
    expect(parseRoute('#/catalog')).toEqual({ screen: 'catalog', item: null });
    expect(parseRoute('#/pipeline/')).toEqual({ screen: 'pipeline', item: null });
  });

  it('round-trip every screen and names with odd characters', () => {
    const items = [null, 'gold.daily_revenue', 'bronze.my orders', 'silver.a/b?c#d%e', 'gold.ünïcödé', 'gold.100%'];
    for (const { id } of SCREENS) {
      for (const item of items) {
        const hash = formatRoute({ screen: id, item });
        expect(parseRoute(hash)).toEqual({ screen: id, item });
        // The hash stays one fragment: nothing in a name can start a query or another fragment.
        expect(hash.slice(1)).not.toMatch(/[#?\s]/);
      }
    }
  });

  it('takes a hand-typed hash as it is: a stray % or an unknown screen opens no error', () => {
    expect(parseRoute('#/tables/bronze.100%')).toEqual({ screen: 'tables', item: 'bronze.100%' });
    expect(parseRoute('#/nowhere/bronze.orders')).toEqual({ screen: 'tables', item: null });
    expect(parseRoute('')).toEqual({ screen: 'tables', item: null });
    expect(parseRoute('#/runs/7?from=mail')).toEqual({ screen: 'runs', item: '7' });
  });

  it('keep screenFromHash reading the screen of an item hash', () => {
    expect(screenFromHash(formatRoute({ screen: 'quality', item: 'silver.orders' }))).toBe('quality');
    expect(screenFromHash(formatRoute({ screen: 'catalog', item: 'silver.a/b' }))).toBe('catalog');
  });
});

describe('items', () => {
  it('split layer and name at the first dot, and know only the layers', () => {
    expect(parseLayerItem(layerItem('gold', 'daily_revenue'))).toEqual({ layer: 'gold', name: 'daily_revenue' });
    expect(parseLayerItem('silver.a.b')).toEqual({ layer: 'silver', name: 'a.b' });
    expect(parseLayerItem('platinum.orders')).toBeNull();
    expect(parseLayerItem('orders')).toBeNull();
    expect(parseLayerItem('bronze.')).toBeNull();
    expect(parseLayerItem('.orders')).toBeNull();
  });

  it('read run numbers, nothing else', () => {
    expect(parseRunItem('42')).toBe(42);
    expect(parseRunItem('0')).toBeNull();
    expect(parseRunItem('-1')).toBeNull();
    expect(parseRunItem('4.2')).toBeNull();
    expect(parseRunItem('42abc')).toBeNull();
    expect(parseRunItem('')).toBeNull();
  });
});

describe('historyMode', () => {
  const at = (screen: Route['screen'], item: string | null = null): Route => ({ screen, item });

  it('makes every step the user takes a history entry', () => {
    expect(historyMode(at('tables'), at('runs'), false)).toBe('push');
    expect(historyMode(at('tables'), at('tables', 'bronze.orders'), false)).toBe('push');
    expect(historyMode(at('tables', 'bronze.orders'), at('tables', 'gold.daily'), true)).toBe('push');
    expect(historyMode(at('tables', 'bronze.orders'), at('tables'), true)).toBe('push');
    expect(historyMode(at('runs', '3'), at('tables', 'bronze.orders'), true)).toBe('push');
  });

  it('replaces the entry of an item that went away by itself, and leaves a hash that says it already', () => {
    expect(historyMode(at('tables', 'bronze.orders'), at('tables'), false)).toBe('replace');
    expect(historyMode(at('runs', '3'), at('runs', '3'), true)).toBe('none');
    expect(sameRoute(at('runs', '3'), at('runs', '3'))).toBe(true);
  });
});

describe('itemToShow', () => {
  it('opens what the hash names, wherever it comes from', () => {
    expect(itemToShow('runs', { screen: 'tables', item: 'bronze.orders' }, 'gold.daily')).toBe('bronze.orders');
    expect(itemToShow('tables', { screen: 'tables', item: 'bronze.orders' }, null)).toBe('bronze.orders');
  });

  it('closes the item when Back stays on the screen, keeps it when a link enters the screen', () => {
    expect(itemToShow('tables', { screen: 'tables', item: null }, 'bronze.orders')).toBeNull();
    expect(itemToShow('runs', { screen: 'tables', item: null }, 'bronze.orders')).toBe('bronze.orders');
    expect(itemToShow('runs', { screen: 'tables', item: null }, null)).toBeNull();
  });
});
