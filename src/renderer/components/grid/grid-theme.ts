// The grid's colours and fonts, read from the app's CSS variables so the canvas grid follows the
// light/dark theme like the rest of the page.
import type { Theme } from '@glideapps/glide-data-grid';
import { useEffect, useState } from 'react';

function readTheme(): Partial<Theme> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  return {
    accentColor: v('--accent'),
    accentFg: v('--accent-fg'),
    accentLight: v('--accent-soft'),
    textDark: v('--text'),
    textMedium: v('--text-muted'),
    textLight: v('--text-faint'),
    textHeader: v('--text-muted'),
    textHeaderSelected: v('--accent-fg'),
    bgIconHeader: v('--text-muted'),
    fgIconHeader: v('--surface'),
    bgCell: v('--surface'),
    bgCellMedium: v('--surface-sunken'),
    bgHeader: v('--surface-raised'),
    bgHeaderHasFocus: v('--surface-sunken'),
    bgHeaderHovered: v('--surface-sunken'),
    borderColor: v('--border'),
    horizontalBorderColor: v('--border-soft'),
    drilldownBorder: v('--border'),
    linkColor: v('--accent'),
    fontFamily: v('--font-mono'),
    headerFontStyle: '600 12px',
    baseFontStyle: '12.5px',
    markerFontStyle: '11px',
    editorFontSize: '12.5px',
  };
}

/** The grid theme for the current colour scheme; updates when the OS switches light/dark. */
export function useGridTheme(): Partial<Theme> {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = (): void => setTheme(readTheme());
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return theme;
}

/** Overrides for NULL cells: muted and italic, so NULL never looks like the text "NULL". */
export function nullCellTheme(theme: Partial<Theme>): Partial<Theme> {
  return { textDark: theme.textLight ?? '#999', baseFontStyle: `italic ${theme.baseFontStyle ?? '12.5px'}` };
}
