// Translates the declared checks of one table (a model or a bronze source) into dbt: built-in
// generic tests where dbt has them (not_null, unique on one column, accepted_values,
// relationships), source freshness for the freshness of a bronze batch, singular tests in tests/
// for what a SELECT of failing rows can say (range, pattern, expression, assert, row_count,
// multi-column unique, column freshness), and for the rest a sentence saying what is not carried
// over and why. Every check gets an outcome, so nothing is dropped silently.
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { qualified, sqlValue } from '../../db/sql.js';
import type { PipelineGraph } from '../../pipeline/graph.js';
import type { Layer } from '../../pipeline/model.js';
import type { CheckDef } from '../../quality/index.js';
import type { UniqueCheck } from '../../quality/check-def.js';
import { columnLookup } from '../../quality/compile.js';
import type { ColumnLookup } from '../../quality/row-conditions.js';
import { sqlColumnName, type NeedsQuoting } from './column-quoting.js';
import { failingRowsSql } from './failing-rows.js';
import { NotTranslatable, toJinjaSql, workspaceRelations, type RelationResolver } from './jinja-sql.js';
import { configCall, testConfig, type DbtTestConfig } from './test-config.js';
import { uniqueName } from './test-names.js';

/** A generic test as schema.yml lists it: `{ not_null: { name, config } }`. */
export type GenericTest = Record<string, Record<string, unknown>>;

export interface SingularTest {
  /** Relative to the project, e.g. tests/silver/stg_orders__range_quantity.sql. */
  path: string;
  sql: string;
}

/** A freshness limit for a bronze source, from a `freshness` check with `batch:`. */
export interface FreshnessRule {
  source: string;
  severity: 'warn' | 'error';
  seconds: number;
}

/** What one check became in the dbt project, and what of it could not come along. */
export interface CheckOutcome {
  /** `layer.name` of the checked table. */
  table: string;
  check: string;
  /** Where the check is declared, `file:line`. */
  declared: string;
  becomes: string[];
  lost: string[];
}

export interface TableTests {
  /** Generic tests by column name. */
  columns: Map<string, GenericTest[]>;
  singular: SingularTest[];
  freshness: FreshnessRule[];
  outcomes: CheckOutcome[];
}

export interface CheckedTable {
  layer: Layer;
  name: string;
  /** Columns of the published table; undefined when it is not built yet. */
  columns: ColumnInfo[] | undefined;
}

export interface TranslateContext {
  conn: SqlConnection;
  graph: PipelineGraph;
  /** Test names already used in the project; dbt needs them unique. */
  testNames: Set<string>;
  /** Column names dbt must quote (schema.yml marks them `quote: true`). */
  needsQuoting: NeedsQuoting;
}

/** The dbt tests for the checks `defs` of `table`. */
export async function translateChecks(ctx: TranslateContext, table: CheckedTable, defs: readonly CheckDef[]): Promise<TableTests> {
  const tests: TableTests = { columns: new Map(), singular: [], freshness: [], outcomes: [] };
  for (const def of defs) {
    const { config, lost } = testConfig(def);
    const outcome: CheckOutcome = { table: `${table.layer}.${table.name}`, check: def.name, declared: declaredAt(def), becomes: [], lost };
    try {
      await new CheckTranslation(ctx, table, def, config, tests, outcome).run();
    } catch (err) {
      if (!(err instanceof NotTranslatable)) throw err;
      // With no test made, what its config could not say does not matter: only the reason does.
      if (outcome.becomes.length === 0) outcome.lost.splice(0);
      outcome.lost.unshift(err.message);
    }
    tests.outcomes.push(outcome);
  }
  return tests;
}

class CheckTranslation {
  private readonly relation: RelationResolver;

  constructor(
    private readonly ctx: TranslateContext,
    private readonly table: CheckedTable,
    private readonly def: CheckDef,
    private readonly config: DbtTestConfig,
    private readonly tests: TableTests,
    private readonly outcome: CheckOutcome,
  ) {
    this.relation = workspaceRelations(ctx.graph);
  }

  async run(): Promise<void> {
    const def = this.def;
    switch (def.kind) {
      case 'not_null':
        for (const c of def.columns) this.generic(c, 'not_null');
        return;
      case 'unique':
        if (def.columns.length === 1) this.generic(def.columns[0] ?? '', 'unique');
        else await this.singular(def);
        if (def.dedup !== undefined) {
          this.outcome.lost.push(`dedup ${def.dedup}: dbt tests report duplicates but cannot keep one row per key and set the others aside; deduplicate in the model's SQL if dbt should do it`);
        }
        return;
      case 'accepted_values':
        this.generic(def.column, 'accepted_values', acceptedValues(def.values));
        return;
      case 'relationships': {
        const to = this.relation(def.toLayer, def.toTable);
        if (to === undefined) throw new NotTranslatable(`its target ${def.toLayer}.${def.toTable} is not a model or bronze source of this workspace`);
        // dbt pastes `field` into its SQL as written, so a name that needs quotes is written quoted.
        this.generic(def.column, 'relationships', { to, field: sqlColumnName(def.field, this.ctx.needsQuoting) });
        return;
      }
      case 'freshness':
        if (def.batchSource !== undefined) return this.sourceFreshness(def.batchSource, def.maxAgeSeconds);
        return this.singular(def);
      case 'anomaly':
        throw new NotTranslatable('anomaly checks compare each run\'s metrics with the history Ingot keeps in its database; dbt has no built-in test for that');
      case 'contract':
        return this.contract(def);
      default:
        return this.singular(def);
    }
  }

  private generic(column: string, test: string, args: Record<string, unknown> = {}): void {
    const name = this.column(column);
    // With `quote: true` dbt wraps the name in double quotes without doubling the ones inside it.
    if (name.includes('"')) throw new NotTranslatable(`dbt cannot quote the column name ${name} in its ${test} test, because the name contains a double quote; rename the column`);
    const testName = uniqueName(this.ctx.testNames, this.table.name, this.def.name, test, name);
    const list = this.tests.columns.get(name) ?? [];
    list.push({ [test]: { name: testName, ...args, ...(Object.keys(this.config).length > 0 ? { config: this.config } : {}) } });
    this.tests.columns.set(name, list);
    this.outcome.becomes.push(`${test} test ${testName} on ${name}`);
  }

  private async singular(def: CheckDef): Promise<void> {
    const table = qualified(this.table.layer, this.table.name);
    const sql = failingRowsSql(def, table, this.lookup(), this.table.columns ?? []);
    if (sql === undefined) throw new NotTranslatable(`a ${def.kind} check cannot be written as a query of failing rows`);
    const body = await toJinjaSql(this.ctx.conn, sql, this.relation);
    const name = uniqueName(this.ctx.testNames, this.table.name, this.def.name);
    const path = `tests/${this.table.layer}/${name}.sql`;
    const head = `-- Ingot check ${this.def.name} on ${this.table.layer}.${this.table.name} (${this.outcome.declared}), severity ${this.def.severity}.\n-- Returns the rows that fail it.\n`;
    this.tests.singular.push({ path, sql: `${head}${configCall(this.config)}${body}\n` });
    this.outcome.becomes.push(`singular test ${path}`);
  }

  private sourceFreshness(source: string, seconds: number): void {
    const relation = this.relation('bronze', source);
    if (relation === undefined || !relation.startsWith('source(')) throw new NotTranslatable(`it watches the batches of ${source}, which is not a bronze source of this workspace`);
    const name = this.ctx.graph.sources.get(`bronze.${source}`.toLowerCase())?.name ?? source;
    const severity = this.config.severity === 'warn' ? 'warn' : 'error';
    this.tests.freshness.push({ source: name, severity, seconds });
    this.outcome.becomes.push(`source freshness of ${name} (${severity}_after, on _loaded_at; run \`dbt source freshness\`)`);
  }

  private async contract(def: Extract<CheckDef, { kind: 'contract' }>): Promise<void> {
    for (const c of def.columns) if (!c.nullable) this.generic(c.name, 'not_null');
    if (def.primaryKey.length === 1) this.generic(def.primaryKey[0] ?? '', 'unique');
    if (def.primaryKey.length > 1) await this.singular({ ...def, kind: 'unique', columns: def.primaryKey, orderBy: [] } satisfies UniqueCheck);
    for (const key of def.primaryKey) if (def.columns.find((c) => c.name === key)?.nullable !== false) this.generic(key, 'not_null');
    if (def.columns.some((c) => c.type !== undefined)) {
      this.outcome.lost.push('column types: dbt enforces types only in a model contract that lists every column, so they are not checked (schema.yml shows each column\'s data_type)');
    }
    if (!def.allowExtraColumns) this.outcome.lost.push('allow_extra_columns: false: dbt has no test for columns a model should not have');
  }

  /** The column as the table spells it (as written in the check when the table is not built). */
  private column(name: string): string {
    return this.table.columns ? this.lookup()(name).name : name;
  }

  private lookup(): ColumnLookup {
    const table = `${this.table.layer}.${this.table.name}`;
    if (this.table.columns === undefined) throw new NotTranslatable(`${table} is not built yet, so its column types are unknown (run \`ingot run\` and export again)`);
    const find = columnLookup(this.table.columns);
    return (name) => {
      try {
        return find(name);
      } catch {
        throw new NotTranslatable(`${table} has no column ${name}`);
      }
    };
  }
}

/** accepted_values' arguments: strings as dbt quotes them; other values as SQL literals, unquoted. */
function acceptedValues(values: readonly (string | number | boolean)[]): Record<string, unknown> {
  if (values.every((v) => typeof v === 'string')) return { values: [...values] };
  return { values: values.map(sqlValue), quote: false };
}

function declaredAt(def: CheckDef): string {
  return def.location.line !== undefined ? `${def.location.file}:${def.location.line}` : def.location.file;
}
