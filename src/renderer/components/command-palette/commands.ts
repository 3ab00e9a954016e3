// The actions the command palette lists, and how typing narrows them down.
import { SCREENS, type ScreenId } from '../../screens.js';
import { screenShortcutLabel } from './shortcut-labels.js';

export interface PaletteCommand {
  id: string;
  title: string;
  group: 'Navigate' | 'Runs' | 'Tables' | 'Engine';
  shortcut?: string;
  run(): void;
}

export interface CommandContext {
  navigate(screen: ScreenId): void;
  startRun(): void;
  /** Set only while a run is in progress. */
  cancelRun: (() => void) | null;
  reloadTables(): void;
  /** Set only while the engine is unreachable. */
  reconnect: (() => void) | null;
}

/** Every action available now. */
export function buildCommands(ctx: CommandContext): PaletteCommand[] {
  const commands: PaletteCommand[] = SCREENS.map((screen, index) => ({
    id: `go-${screen.id}`,
    title: `Go to ${screen.label}`,
    group: 'Navigate',
    shortcut: screenShortcutLabel(index + 1),
    run: () => ctx.navigate(screen.id),
  }));
  commands.push({ id: 'run-start', title: 'Start a run of all models', group: 'Runs', run: ctx.startRun });
  if (ctx.cancelRun) commands.push({ id: 'run-cancel', title: 'Cancel the running run', group: 'Runs', run: ctx.cancelRun });
  commands.push({ id: 'tables-reload', title: 'Reload the list of tables', group: 'Tables', run: ctx.reloadTables });
  if (ctx.reconnect) commands.push({ id: 'engine-reconnect', title: 'Reconnect to the engine now', group: 'Engine', run: ctx.reconnect });
  return commands;
}

/** The commands whose title or group contains every word of `query`, best matches first. */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const scored = commands
    .map((command) => {
      const haystack = `${command.title} ${command.group}`.toLowerCase();
      const title = command.title.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return null;
      const startsWord = words.every((w) => title.split(/\s+/).some((part) => part.startsWith(w)));
      return { command, score: (startsWord ? 0 : 100) + title.indexOf(words[0] ?? '') };
    })
    .filter((entry): entry is { command: PaletteCommand; score: number } => entry !== null);
  return scored.sort((a, b) => a.score - b.score).map((entry) => entry.command);
}
