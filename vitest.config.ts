// Unit and integration tests: real DuckDB files in temp folders, real HTTP servers on 127.0.0.1.
// Ingot's user config folder (saved secrets) is an empty temp folder, never the tester's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    env: { INGOT_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ingot-test-config-')) },
  },
});
