// Shortcut labels in the platform's own words: ⌘K on macOS, Ctrl+K elsewhere.

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

export function paletteShortcutLabel(): string {
  return isMac() ? '⌘K' : 'Ctrl+K';
}

export function screenShortcutLabel(position: number): string {
  return isMac() ? `⌥${position}` : `Alt+${position}`;
}
