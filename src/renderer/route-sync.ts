// Keeps the URL hash and the app in step (rules in route.ts): what the user opens becomes a
// history entry, so reload, a shared link and Back/Forward show it again; a hash the browser
// brings (load, Back, Forward, a link) opens its screen and item, the item once the screen's data
// has arrived. An item that is not there (any more) is said in a toast that goes by itself, and
// the screen shows what it shows without one.
import { historyMode, itemToShow, parseRoute, formatRoute, sameRoute, type Route } from './route.js';
import { SCREEN_SELECTIONS, subscribeSelections } from './route-selections.js';
import { useToastsStore } from './stores/toasts/store.js';
import { useUiStore } from './stores/ui/store.js';

/** Starts following the hash and the stores; returns the function that stops it. */
export function connectRoute(): () => void {
  /** Set while the app follows the hash, so that following it is not taken for a user's step. */
  let following = false;
  /** A route whose item waits for its screen's data. */
  let pending: Route | null = null;
  /** The hash the app last wrote or followed. Another one means a hashchange is on its way. */
  let known = window.location.hash;

  const shown = (): Route => parseRoute(window.location.hash);
  const current = (): Route => {
    const screen = useUiStore.getState().screen;
    return { screen, item: SCREEN_SELECTIONS[screen]?.read() ?? null };
  };
  const write = (route: Route, mode: 'push' | 'replace'): void => {
    // The history API changes the hash without a hashchange event: nothing to follow back.
    if (mode === 'push') window.history.pushState(null, '', formatRoute(route));
    else window.history.replaceState(window.history.state, '', formatRoute(route));
    known = window.location.hash;
  };
  const follow = (change: () => void): void => {
    following = true;
    try {
      change();
    } finally {
      following = false;
    }
  };

  /** Opens the route's item once its screen's data is there, or says it is gone. */
  const open = (route: Route): void => {
    const selection = SCREEN_SELECTIONS[route.screen];
    if (!selection || route.item === null) return;
    if (!selection.ready()) {
      pending = route;
      return;
    }
    pending = null;
    if (selection.exists(route.item)) {
      if (selection.read() !== route.item) selection.open(route.item);
      return;
    }
    if (selection.read() !== null) selection.open(null);
    useToastsStore.getState().showInfo(selection.missing(route.item));
  };

  /** Makes the hash name what is shown, without a new history entry. */
  const correctHash = (): void => {
    if (pending === null && !sameRoute(shown(), current())) write(current(), 'replace');
  };

  const onHashChange = (): void => {
    known = window.location.hash;
    const route = parseRoute(window.location.hash);
    const previous = useUiStore.getState().screen;
    follow(() => {
      pending = null;
      useUiStore.getState().syncScreen(route.screen);
      const selection = SCREEN_SELECTIONS[route.screen];
      if (!selection) return;
      const item = itemToShow(previous, route, selection.read());
      if (item !== null) open({ screen: route.screen, item });
      else if (selection.read() !== null) selection.open(null);
    });
    correctHash();
  };

  const onStoreChange = (): void => {
    // A link was followed (the hash changed) and its hashchange has not run yet: a store change
    // now (a profile arriving) must not write over the link's hash, or the click is lost.
    if (following || window.location.hash !== known) return;
    if (pending !== null) {
      const waiting = pending;
      // Leaving the screen drops the wait; otherwise the item opens once the data is there.
      if (waiting.screen !== useUiStore.getState().screen) pending = null;
      else {
        follow(() => open(waiting));
        correctHash();
        return;
      }
    }
    const from = shown();
    const next = current();
    const selection = SCREEN_SELECTIONS[from.screen];
    const fromExists = from.item !== null && selection !== undefined && (!selection.ready() || selection.exists(from.item));
    const mode = historyMode(from, next, fromExists);
    if (mode !== 'none') write(next, mode);
  };

  window.addEventListener('hashchange', onHashChange);
  const offUi = useUiStore.subscribe(onStoreChange);
  const offSelections = subscribeSelections(onStoreChange);
  onHashChange();
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    offUi();
    offSelections();
  };
}
