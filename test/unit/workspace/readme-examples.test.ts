// The workspace files README.md shows (ingot.yaml, a file source, an HTTP source, a model
// sidecar) are valid: each is parsed with the schema Ingot reads that file with, and its checks
// with the quality layer's parser, so a user who copies one gets a working file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sourceKind } from '../../../src/engine/ingest/kinds.js';
import { ModelConfigSchema } from '../../../src/engine/pipeline/model-config.js';
import { parseChecks } from '../../../src/engine/quality/index.js';
import { WorkspaceConfigSchema } from '../../../src/engine/workspace/config.js';
import { parseYaml } from '../../../src/engine/workspace/yaml-file.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** The one README block whose text matches `marker`. */
function block(marker: RegExp): string {
  const found = yamlBlocks.filter((b) => marker.test(b));
  expect(found, `README.md has exactly one yaml block matching ${String(marker)}`).toHaveLength(1);
  return found[0] ?? '';
}

function checksOf(text: string): unknown[] {
  const raw = (parse(text) as { checks?: unknown[] }).checks;
  return raw ?? [];
}

describe('README workspace examples', () => {
  it('ingot.yaml', () => {
    const config = parseYaml(block(/^name: /m), WorkspaceConfigSchema, 'ingot.yaml');
    expect(config.schedules.length).toBeGreaterThan(0);
  });

  it('a file source, with its checks', () => {
    const text = block(/^kind: file/m);
    const source = parseYaml(text, sourceKind('file').schema, 'sources/orders.yaml');
    expect(source.kind).toBe('file');
    expect(parseChecks(checksOf(text), { file: 'sources/orders.yaml', layer: 'bronze', model: 'orders' }).length).toBeGreaterThan(0);
  });

  it('an HTTP source, whose auth names a secret', () => {
    const source = parseYaml(block(/^kind: http/m), sourceKind('http').schema, 'sources/orders_api.yaml');
    expect(JSON.stringify(source)).toContain('"token_secret":"SHOP_API_TOKEN"');
  });

  it('a model sidecar, with its checks', () => {
    const text = block(/^materialization: /m);
    parseYaml(text, ModelConfigSchema, 'models/silver/stg_orders.yaml');
    const checks = parseChecks(checksOf(text), { file: 'models/silver/stg_orders.yaml', layer: 'silver', model: 'stg_orders' });
    expect(checks.map((c) => c.severity)).toContain('quarantine');
  });
});
