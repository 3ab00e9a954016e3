// Workspace YAML validation: every problem names the file, the line and the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml } from '../../../src/engine/workspace/yaml-file.js';
import { WorkspaceConfigSchema } from '../../../src/engine/workspace/config.js';
import { IngotError, formatError } from '../../../src/shared/errors.js';

function failure(text: string): IngotError {
  try {
    parseYaml(text, WorkspaceConfigSchema, 'ingot.yaml');
  } catch (err) {
    return err as IngotError;
  }
  throw new Error('expected a validation error');
}

describe('workspace YAML', () => {
  it('accepts a valid file and fills defaults', () => {
    const cfg = parseYaml('name: shop\nduckdb:\n  threads: 2\n', WorkspaceConfigSchema, 'ingot.yaml');
    expect(cfg.name).toBe('shop');
    expect(cfg.pipeline.atomic_publish).toBe(true);
  });

  it('names the line and field of a wrong value', () => {
    const err = failure('name: shop\nduckdb:\n  memory_limit: lots\n');
    expect(err.code).toBe('WORKSPACE_INVALID');
    expect(err.message).toMatch(/^ingot\.yaml:3: duckdb\.memory_limit: must be a size like "4GB"/);
    expect(err.detail).toMatchObject({ file: 'ingot.yaml', line: 3, field: 'duckdb.memory_limit' });
  });

  it('names an unknown key at its own line', () => {
    const err = failure('name: shop\nduckdb:\n  threads: 2\n  thread: 4\n');
    expect(err.message).toBe('ingot.yaml:4: duckdb.thread: unknown field');
    expect(err.detail?.line).toBe(4);
  });

  it('reports YAML syntax errors with their line', () => {
    const err = failure('name: shop\nduckdb: [unclosed\n');
    expect(err.message).toMatch(/^ingot\.yaml:\d+: invalid YAML/);
  });

  it('reports a missing required field', () => {
    const err = parseYamlError('other: 1\n', z.object({ name: z.string() }));
    expect(err.message).toMatch(/^f\.yaml:1: name:/);
  });

  it('refuses an invalid cron expression when ingot.yaml is loaded, at its line', () => {
    const err = failure('name: shop\nschedules:\n  - name: nightly\n    cron: "0 6 * * *"\n  - name: bad\n    cron: "99 * * * *"\n');
    expect(err.code).toBe('WORKSPACE_INVALID');
    expect(err.message).toBe(
      'ingot.yaml:6: schedules.1.cron: "99 * * * *" is not a cron expression (Constraint error, got value 99 expected range 0-59); use five fields (minute hour day month weekday), e.g. "0 6 * * *" for every day at 06:00',
    );
    expect(err.detail).toMatchObject({ file: 'ingot.yaml', line: 6, field: 'schedules.1.cron' });
    expect(failure('name: shop\nschedules:\n  - name: x\n    cron: every day\n').message).toMatch(/^ingot\.yaml:4: schedules\.0\.cron: "every day" is not a cron expression/);
    const cfg = parseYaml('name: shop\nschedules:\n  - name: nightly\n    cron: "0 6 * * 1-5"\n  - name: daily\n    cron: "@daily"\n', WorkspaceConfigSchema, 'ingot.yaml');
    expect(cfg.schedules.map((s) => s.cron)).toEqual(['0 6 * * 1-5', '@daily']);
  });

  it('does not repeat a location the message already gives', () => {
    const err = failure('name: shop\nduckdb:\n  thread: 4\n');
    expect(formatError(err.toData()).split('\n')[0]).toBe('ingot.yaml:3: duckdb.thread: unknown field');
  });
});

function parseYamlError(text: string, schema: z.ZodType): IngotError {
  try {
    parseYaml(text, schema, 'f.yaml');
  } catch (err) {
    return err as IngotError;
  }
  throw new Error('expected a validation error');
}
