// How an Ingot check's severity and thresholds read as a dbt test config. Ingot: `error` fails
// above 0 failing rows unless `error_if` says otherwise, `error_if` fails a check of any
// severity, every check warns above 0 (or `warn_if`). dbt: severity error checks `error_if` and
// then `warn_if`; severity warn ignores `error_if`. Quarantine has no dbt equivalent: the test
// warns and keeps its failing rows (store_failures). A threshold in % of the rows cannot be said
// in dbt, which counts failing rows only; each such loss is returned as a sentence.
import type { CheckDef } from '../../quality/index.js';
import { ABOVE_ZERO, type Threshold } from '../../quality/thresholds.js';
import { jinjaString } from './sql-text.js';

export interface DbtTestConfig {
  severity?: 'warn';
  error_if?: string;
  warn_if?: string;
  store_failures?: true;
}

export interface TestConfigTranslation {
  config: DbtTestConfig;
  /** What of the check's severity and thresholds dbt cannot express. */
  lost: string[];
}

/** The dbt config of a test standing for `def`. */
export function testConfig(def: Pick<CheckDef, 'severity' | 'errorIf' | 'warnIf'>): TestConfigTranslation {
  const lost: string[] = [];
  const countOnly = (t: Threshold | undefined, field: string, instead: string): Threshold | undefined => {
    if (!t?.percent) return t;
    lost.push(`${field} "${t.text}" compares a share of the rows, which dbt cannot (it counts failing rows); ${instead}`);
    return undefined;
  };
  const errorIf =
    def.errorIf !== undefined ? countOnly(def.errorIf, 'error_if', 'the dbt test warns on any failing row instead') : def.severity === 'error' ? ABOVE_ZERO : undefined;
  const warnIf = (def.warnIf !== undefined ? countOnly(def.warnIf, 'warn_if', 'the dbt test warns on any failing row') : undefined) ?? ABOVE_ZERO;
  const config: DbtTestConfig = {};
  if (errorIf === undefined) config.severity = 'warn';
  else if (!isAboveZero(errorIf)) config.error_if = thresholdText(errorIf);
  if (!isAboveZero(warnIf)) config.warn_if = thresholdText(warnIf);
  if (def.severity === 'quarantine') {
    config.store_failures = true;
    lost.push('severity quarantine: dbt tests report failing rows but cannot split them from the model, so the rows stay in it; the test warns and stores them (store_failures)');
  }
  return { config, lost };
}

/** The config as the `{{ config(…) }}` line of a singular test, or '' when it is dbt's default. */
export function configCall(config: DbtTestConfig): string {
  const args = Object.entries(config).map(([key, value]) => `${key}=${typeof value === 'string' ? jinjaString(value) : 'true'}`);
  return args.length === 0 ? '' : `{{ config(${args.join(', ')}) }}\n`;
}

function isAboveZero(t: Threshold): boolean {
  return t.op === '>' && t.value === 0 && !t.percent;
}

function thresholdText(t: Threshold): string {
  return `${t.op}${t.value}`;
}
