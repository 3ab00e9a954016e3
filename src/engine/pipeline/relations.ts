// What a model build reads in place of each input. Normally the published table itself (the
// SQL runs unchanged); but an upstream staged earlier in this run and not yet published (gold
// under atomic publish) is read from its staged relation, and an incremental build reads the
// changed slice of an input (see incremental.ts) through a temporary view on its connection.
import type { SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import type { ModelNode } from './graph.js';
import { keyComparison, keyMatch } from './incremental.js';
import type { InputSlice } from './plan.js';
import type { RunContext, StagedModel } from './run-context.js';
import { changeLog } from './staging.js';
import type { KeyPushdown } from './key-pushdown.js';
import { analyzeSql } from './sql-refs.js';
import { deserializeTree, rewriteRefs, tempRelation, type RelationName } from './sql-rewrite.js';

export class Relations {
  private readonly full = new Map<string, RelationName | undefined>();

  constructor(
    private readonly conn: SqlConnection,
    private readonly ctx: RunContext,
    private readonly node: ModelNode,
  ) {}

  /** The model's SQL reading every input in full (its original text when nothing is redirected). */
  async fullSql(): Promise<{ sql: string; original: boolean }> {
    for (const input of this.node.inputs) await this.fullRelation(input);
    if ([...this.full.values()].every((r) => r === undefined)) return { sql: this.node.def.sql, original: true };
    const sql = await rewriteRefs(this.conn, this.node.tree, (_s, _t, occurrence) => this.full.get(this.inputOf(occurrence)));
    return { sql, original: false };
  }

  /** One variant of the SQL per reference to a sliced input, that reference reading only the slice. */
  async sliceVariants(slices: readonly InputSlice[]): Promise<string[]> {
    for (const input of this.node.inputs) await this.fullRelation(input);
    const variants: string[] = [];
    for (const slice of slices) {
      const delta = await this.delta(slice);
      for (const ref of this.node.refs) {
        if (this.inputOf(ref.occurrence) !== slice.input) continue;
        variants.push(
          await rewriteRefs(this.conn, this.node.tree, (_s, _t, occurrence) =>
            occurrence === ref.occurrence ? delta : this.full.get(this.inputOf(occurrence)),
          ),
        );
      }
    }
    return variants;
  }

  /**
   * The model's SQL reading every input in full, except the reference `pushdown` names, which
   * reads only its rows whose key expressions match a row of `affected` (see key-pushdown.ts).
   */
  async keyedSql(pushdown: KeyPushdown, affected: string, keyColumns: readonly string[], nullKeys: boolean): Promise<string> {
    for (const input of this.node.inputs) await this.fullRelation(input);
    const input = this.inputOf(pushdown.occurrence);
    const placeholders = keyColumns.map((k) => `(NULL ${keyComparison(nullKeys)} a.${ident(k)})`).join(' AND ');
    const keyed = (source: string): string => `SELECT t.* FROM ${source} AS t SEMI JOIN ${affected} AS a ON ${placeholders}`;
    const staged = this.ctx.built.get(input);
    let skeletonSql: string;
    if (staged && !staged.published && staged.stage && staged.affected) {
      // An upstream staged incrementally in this run: limit its published rows to our keys first,
      // then drop the ones it replaces, then add its new rows — never scanning all of it twice.
      const { layer, name } = staged.def;
      const replaced = `EXISTS (SELECT 1 FROM ${qualified(layer, staged.affected)} AS u WHERE ${keyMatch('k', 'u', staged.keyColumns, staged.nullKeys)})`;
      skeletonSql = `SELECT k.* FROM (${keyed(qualified(layer, name))}) AS k WHERE NOT ${replaced}
        UNION ALL BY NAME ${keyed(qualified(layer, staged.stage))}`;
    } else {
      skeletonSql = keyed(relationSql(this.full.get(input) ?? this.published(input)));
    }
    const skeleton = await analyzeSql(this.conn, skeletonSql);
    if (!skeleton.ok) throw new Error(`cannot build the key filter: ${skeleton.message}`);
    const tree = JSON.parse(skeleton.tree) as unknown;
    let i = 0;
    visitObjects(tree, (n) => {
      const left = n.left as Record<string, unknown> | undefined;
      const isPlaceholder = left?.class === 'CONSTANT' && (left.value as Record<string, unknown> | undefined)?.is_null === true;
      if ((n.type === 'COMPARE_NOT_DISTINCT_FROM' || n.type === 'COMPARE_EQUAL') && isPlaceholder) n.left = pushdown.expressions[i++ % pushdown.expressions.length] ?? null;
    });
    const view = `__keyed_${pushdown.occurrence}`;
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW ${ident(view)} AS ${await deserializeTree(this.conn, tree)}`);
    const keyedView = tempRelation(view);
    return rewriteRefs(this.conn, this.node.tree, (_s, _t, occurrence) => (occurrence === pushdown.occurrence ? keyedView : this.full.get(this.inputOf(occurrence))));
  }

  /** Why `slice` cannot be read incrementally in this run, or undefined when it can. */
  async cannotSlice(slice: InputSlice): Promise<string | undefined> {
    if (slice.kind === 'batches') return undefined;
    const upstream = this.ctx.built.get(slice.input);
    const name = this.nameOf(slice.input);
    if (upstream && upstream.mode !== 'incremental' && upstream.mode !== 'backfill') return `${name} was rebuilt in full in this run`;
    if (slice.afterVersion < this.publishedVersion(slice.input)) {
      const [layer, table] = this.layerName(slice.input);
      const log = await this.conn.one<{ n: number }>(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '_ingot' AND table_name = ?",
        [`changes__${layer}__${table}`],
      );
      if (Number(log?.n) === 0) return `the change log of ${name} is missing`;
    }
    return undefined;
  }

  /** Row count of what the build reads: the slices when given, else every input in full. */
  async rowsIn(slices: readonly InputSlice[] | undefined): Promise<number> {
    const rels: string[] = [];
    if (slices) for (const s of slices) rels.push(relationSql(await this.delta(s)));
    else for (const input of this.node.inputs) rels.push(relationSql((await this.fullRelation(input)) ?? this.published(input)));
    if (rels.length === 0) return 0;
    const row = await this.conn.one<{ n: number }>(`SELECT ${rels.map((r) => `(SELECT count(*) FROM ${r})`).join(' + ')} AS n`);
    return Number(row?.n ?? 0);
  }

  private async fullRelation(input: string): Promise<RelationName | undefined> {
    if (this.full.has(input)) return this.full.get(input);
    const staged = this.ctx.built.get(input);
    let rel: RelationName | undefined;
    if (staged && !staged.published) {
      if ((staged.mode === 'incremental' || staged.mode === 'backfill') && staged.stage && staged.affected) {
        const view = `__full_${staged.def.layer}_${staged.def.name}`;
        await this.conn.run(
          `CREATE OR REPLACE TEMP VIEW ${ident(view)} AS
           SELECT t.* FROM ${qualified(staged.def.layer, staged.def.name)} AS t
             WHERE NOT EXISTS (SELECT 1 FROM ${qualified(staged.def.layer, staged.affected)} AS a WHERE ${keyMatch('t', 'a', staged.keyColumns, staged.nullKeys)})
           UNION ALL BY NAME SELECT * FROM ${qualified(staged.def.layer, staged.stage)}`,
        );
        rel = tempRelation(view);
      } else if (staged.stage) {
        rel = { catalog: '', schema: staged.def.layer, table: staged.stage };
      } else if (staged.mode === 'view') {
        rel = await this.stagedView(input);
      }
    }
    this.full.set(input, rel);
    return rel;
  }

  /** A view staged in this run, as a temporary view here reading what this build reads. */
  private async stagedView(input: string): Promise<RelationName | undefined> {
    const view = this.ctx.graph.nodes.get(input);
    if (!view) return undefined;
    for (const i of view.inputs) await this.fullRelation(i);
    const redirected = view.inputs.some((i) => this.full.get(i) !== undefined);
    const sql = redirected ? await rewriteRefs(this.conn, view.tree, (_s, _t, occurrence) => this.full.get(inputOf(view, occurrence))) : view.def.sql;
    const name = `__full_${view.def.layer}_${view.def.name}`;
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW ${ident(name)} AS\n${sql}`);
    return tempRelation(name);
  }

  private async delta(slice: InputSlice): Promise<RelationName> {
    const [layer, table] = this.layerName(slice.input);
    const view = `__delta_${layer}_${table}`;
    let body: string;
    if (slice.kind === 'batches') {
      body = `SELECT * FROM ${qualified(layer, table)} WHERE ${ident('_batch_id')} > ${slice.afterBatch} AND ${ident('_batch_id')} <= ${slice.upToBatch}`;
    } else {
      const parts: string[] = [];
      if (slice.afterVersion < this.publishedVersion(slice.input)) {
        parts.push(`SELECT * EXCLUDE (_ingot_version, _ingot_change) FROM ${changeLog(layer, table)} WHERE _ingot_version > ${slice.afterVersion}`);
      }
      const staged = this.ctx.built.get(slice.input);
      if (staged && !staged.published && staged.stage && staged.affected) parts.push(...stagedChanges(staged));
      if (parts.length === 0) parts.push(`SELECT * FROM ${qualified(layer, table)} LIMIT 0`);
      body = parts.join('\nUNION ALL BY NAME\n');
    }
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW ${ident(view)} AS ${body}`);
    return tempRelation(view);
  }

  /** The version of `input` currently visible under its own name. */
  private publishedVersion(input: string): number {
    const staged = this.ctx.built.get(input);
    if (staged?.published) return this.ctx.runId;
    return this.ctx.plan.states.get(input)?.version ?? 0;
  }

  private inputOf(occurrence: number): string {
    return inputOf(this.node, occurrence);
  }

  private layerName(key: string): [string, string] {
    const model = this.ctx.graph.nodes.get(key)?.def;
    if (model) return [model.layer, model.name];
    const source = this.ctx.graph.sources.get(key);
    return ['bronze', source?.name ?? key.slice(key.indexOf('.') + 1)];
  }

  private nameOf(key: string): string {
    return this.ctx.graph.nodes.get(key)?.def.id ?? this.ctx.graph.sources.get(key)?.id ?? key;
  }

  private published(key: string): RelationName {
    const [layer, table] = this.layerName(key);
    return { catalog: '', schema: layer, table };
  }
}

/** The old and new versions of the rows a staged incremental model changes. */
function stagedChanges(staged: StagedModel): string[] {
  const { layer, name } = staged.def;
  const old = staged.oldRows
    ? `SELECT * FROM ${qualified(layer, staged.oldRows)}`
    : `SELECT t.* FROM ${qualified(layer, name)} AS t WHERE EXISTS (SELECT 1 FROM ${qualified(layer, staged.affected ?? '')} AS a WHERE ${keyMatch('t', 'a', staged.keyColumns, staged.nullKeys)})`;
  return [old, `SELECT * FROM ${qualified(layer, staged.stage ?? '')}`];
}

/** The input key a table reference of `node` reads. */
function inputOf(node: ModelNode, occurrence: number): string {
  const ref = node.refs.find((r) => r.occurrence === occurrence);
  return ref ? `${ref.schema}.${ref.table}`.toLowerCase() : '';
}

/** A relation name as SQL. */
export function relationSql(r: RelationName): string {
  const base = qualified(r.schema, r.table);
  return r.catalog === '' ? base : `${ident(r.catalog)}.${base}`;
}

function visitObjects(node: unknown, fn: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visitObjects(child, fn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  fn(node as Record<string, unknown>);
  for (const value of Object.values(node)) visitObjects(value, fn);
}
