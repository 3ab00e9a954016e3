// Lint rules, including the layering rule from the design guide: shared imports nothing local,
// engine imports only shared, renderer never touches engine/main/cli or Node built-ins, only
// engine/db imports DuckDB, and quality/capacity/lineage never import pipeline.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];
const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `This layer may not import src/${name} (see DESIGN.md, "Layout and who may import whom").` });
const duckdb = { group: ['@duckdb/*'], message: 'Only src/engine/db imports DuckDB; use the SqlConnection interface.' };
const builtins = { group: nodeBuiltins, message: 'This layer runs in the browser too: no Node built-ins.' };

/** One no-restricted-imports rule per folder; ESLint does not merge options, so each lists all. */
const restrict = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'tmp/', 'workspaces/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', '**/.ingot/', '**/*.as.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  restrict(['src/shared/**'], [layer('engine'), layer('main'), layer('cli'), layer('renderer'), duckdb, builtins]),
  restrict(['src/engine/**'], [layer('main'), layer('cli'), layer('renderer'), duckdb]),
  restrict(['src/engine/db/**'], [layer('main'), layer('cli'), layer('renderer')]),
  restrict(['src/engine/quality/**', 'src/engine/capacity/**', 'src/engine/lineage/**'], [layer('main'), layer('cli'), layer('renderer'), layer('pipeline'), duckdb]),
  restrict(['src/main/**', 'src/cli/**'], [layer('renderer'), duckdb]),
  restrict(['src/renderer/**'], [layer('engine'), layer('main'), layer('cli'), duckdb, builtins]),
);
