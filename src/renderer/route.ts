// Deep links: the URL hash names the screen and what is open on it, `#/<screen>/<item>`, e.g.
// `#/tables/bronze.orders`, `#/runs/42`, `#/catalog/gold.daily_revenue`. The item is the screen's
// own id of what is open (`layer.name` of a table or model, a run's number), written with
// encodeURIComponent so any name survives the URL. Pure: no window, no stores; route-sync.ts
// applies these rules to the app.
import { LayerSchema, type Layer } from '../shared/api/index.js';
import { DEFAULT_SCREEN, screenFromHash, screenHash, type ScreenId } from './screens.js';

export interface Route {
  screen: ScreenId;
  /** What is open on the screen, or null for the screen as it comes (its list, its default). */
  item: string | null;
}

/** The hash of `route`: `#/runs` or `#/runs/42`. */
export function formatRoute(route: Route): string {
  return route.item === null || route.item === '' ? screenHash(route.screen) : `${screenHash(route.screen)}/${encodeURIComponent(route.item)}`;
}

/** The route a hash names; a hash naming no screen (or none at all) is the default screen with nothing open. */
export function parseRoute(hash: string): Route {
  const screen = screenFromHash(hash);
  if (screen === null) return { screen: DEFAULT_SCREEN, item: null };
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const slash = path.indexOf('/');
  const raw = slash < 0 ? '' : path.slice(slash + 1).replace(/\/+$/, '');
  return { screen, item: raw === '' ? null : decodeItem(raw) };
}

/** A hand-typed hash may hold a stray `%`: then the text is taken as it is. */
function decodeItem(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.screen === b.screen && a.item === b.item;
}

/** The item naming a table or model: `layer.name`. */
export function layerItem(layer: Layer, name: string): string {
  return `${layer}.${name}`;
}

/** The layer and name in an item such as `bronze.orders`, or null when it names no layer. */
export function parseLayerItem(item: string): { layer: Layer; name: string } | null {
  const dot = item.indexOf('.');
  const layer = LayerSchema.safeParse(item.slice(0, Math.max(0, dot)));
  const name = item.slice(dot + 1);
  return dot > 0 && layer.success && name !== '' ? { layer: layer.data, name } : null;
}

/** The run number in an item such as `42`, or null when it is not one. */
export function parseRunItem(item: string): number | null {
  return /^[1-9]\d{0,15}$/.test(item) ? Number(item) : null;
}

/**
 * How a change of what the app shows enters the browser history, the hash showing `shown`:
 * `push` for a step the user took (another screen, opening, switching or closing an item), so Back
 * returns to it; `replace` when the shown item went away by itself (a run rebuilt the tables);
 * `none` when the hash already says it.
 */
export function historyMode(shown: Route, next: Route, shownItemExists: boolean): 'push' | 'replace' | 'none' {
  if (sameRoute(shown, next)) return 'none';
  if (shown.screen === next.screen && next.item === null && shown.item !== null && !shownItemExists) return 'replace';
  return 'push';
}

/**
 * What a screen should have open after the hash changed to `route` (Back, Forward, a link) while
 * `previous` was shown and `openNow` is open on `route.screen`: the item the hash names; nothing,
 * when Back or Forward stays on the screen and the hash names no item; and when the hash enters
 * the screen without an item (a navigation link), what the screen had open — it stays open, as
 * when switching screens, and the hash is then corrected to name it.
 */
export function itemToShow(previous: ScreenId, route: Route, openNow: string | null): string | null {
  if (route.item !== null) return route.item;
  return previous === route.screen ? null : openNow;
}
