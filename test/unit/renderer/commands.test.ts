// The command palette's actions and filtering, and the screen routes they lead to.
import { describe, expect, it } from 'vitest';
import { buildCommands, filterCommands, type CommandContext } from '../../../src/renderer/components/command-palette/commands.js';
import { SCREENS, screenFromHash, screenHash, type ScreenId } from '../../../src/renderer/screens.js';

function context(overrides: Partial<CommandContext> = {}): CommandContext & { visited: ScreenId[] } {
  const visited: ScreenId[] = [];
  return { visited, navigate: (s) => visited.push(s), startRun: () => undefined, cancelRun: null, reloadTables: () => undefined, reconnect: null, ...overrides };
}

describe('buildCommands', () => {
  it('lists every screen, and offers cancel and reconnect only when they apply', () => {
    const idle = buildCommands(context()).map((c) => c.title);
    expect(idle).toEqual(expect.arrayContaining(SCREENS.map((s) => `Go to ${s.label}`)));
    expect(idle).toContain('Start a run of all models');
    expect(idle).not.toContain('Cancel the running run');
    expect(idle).not.toContain('Reconnect to the engine now');
    const busy = buildCommands(context({ cancelRun: () => undefined, reconnect: () => undefined })).map((c) => c.title);
    expect(busy).toContain('Cancel the running run');
    expect(busy).toContain('Reconnect to the engine now');
  });

  it('navigates where the command says', () => {
    const ctx = context();
    buildCommands(ctx).find((c) => c.title === 'Go to Runs')?.run();
    expect(ctx.visited).toEqual(['runs']);
  });
});

describe('filterCommands', () => {
  const commands = buildCommands(context());

  it('keeps commands containing every word, word starts first', () => {
    expect(filterCommands(commands, 'go run').map((c) => c.title)).toEqual(['Go to Runs']);
    expect(filterCommands(commands, 'RUN')[0]?.title).toBe('Go to Runs');
    expect(filterCommands(commands, 'qual').map((c) => c.title)).toEqual(['Go to Quality']);
    expect(filterCommands(commands, 'zzz')).toEqual([]);
    expect(filterCommands(commands, '  ')).toHaveLength(commands.length);
  });
});

describe('screen routes', () => {
  it('maps hashes to screens and back', () => {
    for (const s of SCREENS) expect(screenFromHash(screenHash(s.id))).toBe(s.id);
    expect(screenFromHash('#/runs/12')).toBe('runs');
    expect(screenFromHash('')).toBeNull();
    expect(screenFromHash('#/nowhere')).toBeNull();
  });
});
