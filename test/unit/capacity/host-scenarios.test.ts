// The capacity scenarios through the engine contract, over the in-process RPC transport: saving
// what the form holds as capacity/<name>.yaml, listing, loading, refusing to overwrite, refusing
// names that are paths, and located errors for a hand-broken file.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stepOf, tryEstimate } from '../../../src/shared/capacity/index.js';
import type { WorkspaceChange } from '../../../src/shared/api/workspace.js';
import type { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from '../host/host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const failure = (p: Promise<unknown>): Promise<IngotError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: unknown) => e as IngotError);

/** The 10 M users example as the form sends it: every field, compression as typed. */
const TEN_MILLION = {
  usersPerDay: 10_000_000,
  eventsPerUserPerDay: 50,
  bytesPerEvent: 1000,
  peakFactor: 3,
  compression: '5-10',
  retentionDays: 365,
  yearlyGrowthPercent: 20,
  projectionYears: 3,
  freshness: 'daily',
  consumers: 1,
  storagePricePerTbMonth: 23,
} as const;

describe('capacity scenarios over the engine API', () => {
  it('saves the form as capacity/<name>.yaml, lists it, and loads the same inputs back', async () => {
    connected = await connectedHost('plan');
    const { api, root } = connected;
    expect(await api.listScenarios({})).toEqual({ scenarios: [] });

    const changed = new Promise<WorkspaceChange>((resolve) => {
      const stop = api.onWorkspaceChanged((change) => {
        if (change.kind !== 'scenario') return;
        stop();
        resolve(change);
      });
    });
    expect(await api.saveScenario({ name: 'ten-million', description: 'launch week', inputs: TEN_MILLION })).toEqual({ file: 'capacity/ten-million.yaml' });
    const yaml = await readFile(join(root, 'capacity', 'ten-million.yaml'), 'utf8');
    expect(yaml).toContain('users_per_day: 10000000');
    expect(yaml).toContain('compression: 5-10');
    expect(await changed).toEqual({ kind: 'scenario', path: join('capacity', 'ten-million.yaml'), change: 'added' });

    expect((await api.listScenarios({})).scenarios).toEqual([{ name: 'ten-million', file: 'capacity/ten-million.yaml', description: 'launch week' }]);
    const loaded = await api.loadScenario({ name: 'ten-million' });
    expect(loaded).toMatchObject({ name: 'ten-million', file: 'capacity/ten-million.yaml', description: 'launch week', defaulted: [] });
    expect(loaded.inputs).toEqual({ ...TEN_MILLION, compression: { min: 5, max: 10 } });
    const attempt = tryEstimate(loaded.inputs);
    if (!attempt.ok) throw new Error('the loaded scenario should estimate');
    expect(stepOf(attempt.estimate, 'eventsPerDay').display).toBe('500,000,000 events/day');
    expect(attempt.estimate.verdict.kind).toBe('streaming-buffer');
  });

  it('refuses to replace a scenario unless asked, and replaces it when asked', async () => {
    connected = await connectedHost('plan');
    const { api } = connected;
    await api.saveScenario({ name: 'shop', inputs: TEN_MILLION });
    const again = await failure(api.saveScenario({ name: 'shop', inputs: { ...TEN_MILLION, peakFactor: 5.4 } }));
    expect(again.code).toBe('INVALID_INPUT');
    expect(again.message).toContain('"shop" already exists');
    expect(again.hint).toMatch(/another name|replace/);
    expect((await api.loadScenario({ name: 'shop' })).inputs.peakFactor).toBe(3);
    await api.saveScenario({ name: 'shop', inputs: { ...TEN_MILLION, peakFactor: 5.4 }, overwrite: true });
    expect((await api.loadScenario({ name: 'shop' })).inputs.peakFactor).toBe(5.4);
  });

  it('names the bad field of a request: a path for a name, a negative input, a missing scenario', async () => {
    connected = await connectedHost('plan');
    const { api } = connected;
    const path = await failure(api.loadScenario({ name: '../ingot' }));
    expect(path.code).toBe('INVALID_INPUT');
    expect(path.detail?.field).toBe('name');
    expect(path.message).toContain('capacity/<name>.yaml');
    const negative = await failure(api.saveScenario({ name: 'bad', inputs: { ...TEN_MILLION, usersPerDay: -5 } }));
    expect(negative.code).toBe('INVALID_INPUT');
    expect(negative.detail?.field).toBe('inputs.usersPerDay');
    expect(negative.message).toContain('got -5');
    const reversed = await failure(api.saveScenario({ name: 'bad', inputs: { ...TEN_MILLION, compression: '10-5' } }));
    expect(reversed.detail?.field).toBe('inputs.compression');
    expect(reversed.message).toContain('reversed');
    const missing = await failure(api.loadScenario({ name: 'nowhere' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('nowhere');
    expect((await api.listScenarios({})).scenarios).toEqual([]);
  });

  it('lists a hand-broken scenario file with its error and points at its line when loaded', async () => {
    connected = await connectedHost('plan');
    const { api, root } = connected;
    await writeFile(join(root, 'capacity', 'broken.yaml'), 'users_per_day: 1000\nevents_per_user_per_day: 5\nbytes_per_event: 200\npeak_factor: 0.5\n');
    const [listed] = (await api.listScenarios({})).scenarios;
    expect(listed).toMatchObject({ name: 'broken', file: 'capacity/broken.yaml' });
    expect(listed?.error).toContain('peak_factor');
    const broken = await failure(api.loadScenario({ name: 'broken' }));
    expect(broken.code).toBe('WORKSPACE_INVALID');
    expect(broken.detail).toMatchObject({ file: 'capacity/broken.yaml', line: 4, field: 'peak_factor' });
  });
});
