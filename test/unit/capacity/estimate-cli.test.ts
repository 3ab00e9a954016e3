// `ingot estimate` run in-process through the real CLI entry point: flags, --json, human worked
// math, bad input exit codes, and saving, loading, listing and comparing scenarios.
import { describe, expect, it } from 'vitest';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Runs the CLI with `args`, capturing what it writes to stdout and stderr. */
const ingot = runCli;

const PRODUCT = ['--users', '10000000', '--events-per-user', '50', '--bytes-per-event', '1000', '--peak-factor', '3', '--compression', '5-10'];
const SHOP = ['--users', '100,000', '--events-per-user', '4', '--bytes-per-event', '1000', '--peak-factor', '5.4'];

describe('ingot estimate', () => {
  it('answers the issue example as JSON', async () => {
    const { code, out } = await ingot('estimate', ...PRODUCT, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown> & { verdict: { kind: string }; compressedBytesPerYear: { min: number; max: number } };
    expect(result.eventsPerDay).toBe(500_000_000);
    expect(Math.round(result.avgEventsPerSec as number)).toBe(5787);
    expect(Math.round(result.peakEventsPerSec as number)).toBe(17_361);
    expect(result.rawBytesPerDay).toBe(500e9);
    expect(result.rawBytesPerYear).toBe(182.5e12);
    expect(result.compressedBytesPerYear.max).toBe(36.5e12);
    expect(result.verdict.kind).toBe('streaming-buffer');
    expect(result.defaulted).toContain('retentionDays');
  });

  it('prints the worked math and the verdict for people', async () => {
    const { code, out } = await ingot('estimate', ...SHOP);
    expect(code).toBe(0);
    expect(out).toContain('100,000 users/day × 4 events/user = 400,000 events/day');
    expect(out).toContain('400,000 events/day ÷ 86,400 s/day ≈ 4.6 events/s');
    expect(out).toContain('4.6 events/s × 5.4 peak-to-average ≈ 25 events/s');
    expect(out).toContain('Verdict: one machine');
    expect(out).toMatch(/compression ratio range\s+5-10×\s+\(default\)/);
  });

  it('rejects bad flags with exit code 2 and names the flag', async () => {
    const bad = await ingot('estimate', ...SHOP, '--peak-factor', '0.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--peak-factor (peak-to-average factor): must be a number at least 1');
    const text = await ingot('estimate', ...SHOP, '--users', 'many', '--json');
    expect(text.code).toBe(2);
    const data = JSON.parse(text.out) as { ok: boolean; error: { code: string; detail: { field: string } } };
    expect(data.error.code).toBe('INVALID_INPUT');
    expect(data.error.detail.field).toBe('usersPerDay');
    // Only decimal numbers count: a hexadecimal or Infinity is refused, not read as 16 or ∞.
    for (const odd of ['0x10', 'Infinity']) {
      const refused = await ingot('estimate', ...SHOP, '--users', odd);
      expect(refused.code, odd).toBe(2);
      expect(refused.err, odd).toContain('--users');
    }
    const override = await ingot('estimate', ...SHOP, '--writer-events-per-sec', '-1');
    expect(override.code).toBe(2);
    expect(override.err).toContain('--writer-events-per-sec');
  });

  it('saves, lists, loads and compares scenarios in a workspace', async () => {
    const root = (await initWorkspace(await tempDir())).root;
    expect((await ingot('-w', root, 'estimate', ...PRODUCT, '--save', 'product', '--description', '10 M users')).code).toBe(0);
    expect((await ingot('-w', root, 'estimate', ...SHOP, '--save', 'shop')).code).toBe(0);
    const again = await ingot('-w', root, 'estimate', ...SHOP, '--save', 'shop');
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');

    const list = JSON.parse((await ingot('-w', root, 'estimate', '--list', '--json')).out) as { scenarios: { name: string; description?: string }[] };
    expect(list.scenarios.map((s) => s.name)).toEqual(['product', 'shop']);
    expect(list.scenarios[0]?.description).toBe('10 M users');

    // Flags override the scenario's fields; the rest comes from the file.
    const loaded = JSON.parse((await ingot('-w', root, 'estimate', '--scenario', 'shop', '--peak-factor', '10', '--json')).out) as {
      peakEventsPerSec: number;
      eventsPerDay: number;
      defaulted: string[];
      scenario: { name: string };
    };
    expect(loaded.eventsPerDay).toBe(400_000);
    expect(loaded.peakEventsPerSec).toBeCloseTo((400_000 / 86_400) * 10, 9);
    expect(loaded.defaulted).toEqual([]);
    expect(loaded.scenario.name).toBe('shop');

    const compared = await ingot('-w', root, 'estimate', '--compare', 'product', 'shop');
    expect(compared.code).toBe(0);
    expect(compared.out).toMatch(/\* peak events per second\s+17,361 events\/s\s+25 events\/s/);
    expect(compared.out).toMatch(/\* verdict\s+streaming-buffer\s+single-machine/);

    const missing = await ingot('-w', root, 'estimate', '--scenario', 'nope');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No capacity scenario named "nope"');
  });

  it('runs the sensitivity analysis', async () => {
    const { code, out } = await ingot('estimate', ...PRODUCT, '--sensitivity', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { sensitivity: { movesVerdict: string[] } };
    expect(result.sensitivity.movesVerdict).toEqual(expect.arrayContaining(['usersPerDay', 'peakFactor']));
    const human = await ingot('estimate', ...PRODUCT, '--sensitivity');
    expect(human.out).toContain('Moves the verdict (!): users or sources per day');
  });
});
