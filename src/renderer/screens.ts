// The screens of the app, in navigation order, and how they map to the URL hash (`#/runs`; what a
// screen has open follows, `#/runs/42`: see route.ts).

export const SCREENS = [
  { id: 'tables', label: 'Tables' },
  { id: 'ingest', label: 'Ingest' },
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'sql', label: 'SQL' },
  { id: 'explore', label: 'Explore' },
  { id: 'quality', label: 'Quality' },
  { id: 'runs', label: 'Runs' },
  { id: 'capacity', label: 'Capacity' },
  { id: 'catalog', label: 'Catalog' },
] as const satisfies readonly { id: string; label: string }[];

export type ScreenId = (typeof SCREENS)[number]['id'];

export const DEFAULT_SCREEN: ScreenId = 'tables';

export function screenLabel(id: ScreenId): string {
  return SCREENS.find((s) => s.id === id)?.label ?? id;
}

export function screenHash(id: ScreenId): string {
  return `#/${id}`;
}

/** The screen a hash such as `#/runs` names, or null if it names none. */
export function screenFromHash(hash: string): ScreenId | null {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return SCREENS.find((s) => s.id === id)?.id ?? null;
}
