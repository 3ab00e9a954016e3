// Scenario files in a real workspace folder: save, load (with defaults and located errors),
// list (invalid files listed with their error), refuse to overwrite, and the YAML they contain.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarios, loadScenario, parseInputs, saveScenario } from '../../../src/engine/capacity/index.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

const shop = parseInputs({ usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000, peakFactor: 5.4 }).inputs;

async function caught(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngotError);
  return err as IngotError;
}

describe('capacity scenarios', () => {
  it('saves a scenario as readable YAML and loads it back unchanged', async () => {
    const paths = await initWorkspace(await tempDir());
    const file = await saveScenario(paths, 'shop', shop, { description: 'flash sale' });
    expect(file).toBe(join(paths.root, 'capacity', 'shop.yaml'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('users_per_day: 100000');
    expect(text).toContain('peak_factor: 5.4');
    expect(text).toContain('compression: 5-10');
    const loaded = await loadScenario(paths, 'shop');
    expect(loaded.inputs).toEqual(shop);
    expect(loaded.description).toBe('flash sale');
    expect(loaded.defaulted).toEqual([]);
    expect(loaded.file).toBe('capacity/shop.yaml');
  });

  it('fills defaults for fields a hand-written file leaves out', async () => {
    const paths = await initWorkspace(await tempDir());
    await writeFile(join(paths.capacity, 'small.yaml'), 'users_per_day: 1000\nevents_per_user_per_day: 10\nbytes_per_event: 200\n');
    const loaded = await loadScenario(paths, 'small');
    expect(loaded.inputs.peakFactor).toBe(3);
    expect(loaded.defaulted).toContain('peakFactor');
    expect(loaded.defaulted).not.toContain('usersPerDay');
  });

  it('reports a bad field with its file, line and YAML key', async () => {
    const paths = await initWorkspace(await tempDir());
    await writeFile(join(paths.capacity, 'bad.yaml'), 'users_per_day: 1000\nevents_per_user_per_day: 10\nbytes_per_event: 200\ncompression: 10-5\n');
    const err = await caught(loadScenario(paths, 'bad'));
    expect(err.code).toBe('WORKSPACE_INVALID');
    expect(err.message).toBe('capacity/bad.yaml:4: compression: the range is reversed (10-5); write the smaller ratio first, e.g. "5-10"');
    expect(err.detail).toMatchObject({ file: 'capacity/bad.yaml', line: 4, field: 'compression' });
    await writeFile(join(paths.capacity, 'typo.yaml'), 'users_per_day: 1000\nevents_per_user: 10\nbytes_per_event: 200\n');
    expect((await caught(loadScenario(paths, 'typo'))).message).toMatch(/^capacity\/typo\.yaml:\d+: .*events_per_user/);
  });

  it('lists scenarios, showing invalid ones with their error', async () => {
    const paths = await initWorkspace(await tempDir());
    await saveScenario(paths, 'shop', shop, { description: 'flash sale' });
    await writeFile(join(paths.capacity, 'broken.yaml'), 'users_per_day: -1\n');
    const list = await listScenarios(paths);
    expect(list.map((s) => s.name)).toEqual(['broken', 'shop']);
    expect(list[0]?.error).toContain('users_per_day');
    expect(list[1]).toEqual({ name: 'shop', file: 'capacity/shop.yaml', description: 'flash sale' });
  });

  it('refuses to overwrite without asking, bad names, missing scenarios and non-workspaces', async () => {
    const paths = await initWorkspace(await tempDir());
    await saveScenario(paths, 'shop', shop);
    expect((await caught(saveScenario(paths, 'shop', shop))).message).toContain('already exists');
    await saveScenario(paths, 'shop', { ...shop, peakFactor: 2 }, { overwrite: true });
    expect((await loadScenario(paths, 'shop')).inputs.peakFactor).toBe(2);
    expect((await caught(saveScenario(paths, '../escape', shop))).code).toBe('INVALID_INPUT');
    expect((await caught(loadScenario(paths, 'nope'))).code).toBe('NOT_FOUND');
    const { workspacePaths } = await import('../../../src/engine/workspace/workspace.js');
    expect((await caught(saveScenario(workspacePaths(await tempDir()), 'x', shop))).code).toBe('NOT_FOUND');
  });
});
