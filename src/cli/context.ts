// Shared plumbing for CLI commands: the global options, opening the workspace, and printing.
import type { Command } from 'commander';
import { openWorkspace, type Workspace } from '../engine/workspace/workspace.js';

export interface GlobalOptions {
  workspace: string;
  json?: boolean;
}

/** The options set on the root `ingot` command, seen from any subcommand. */
export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/** Opens the workspace named by --workspace, runs `fn`, and always closes it. */
export async function withWorkspace<T>(cmd: Command, fn: (ws: Workspace) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const ws = await openWorkspace(globals(cmd).workspace, options);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

/** Prints `value` as JSON when --json is set, else calls `human`. */
export function output(cmd: Command, value: unknown, human: () => string): void {
  if (globals(cmd).json) process.stdout.write(JSON.stringify(value, jsonReplacer) + '\n');
  else process.stdout.write(human() + '\n');
}

function jsonReplacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v;
}

/** Renders rows as an aligned text table (for TTY output). */
export function textTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map(cellText));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length))));
  // Numeric columns are right-aligned so digits line up.
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || typeof r[i] === 'bigint'));
  const fit = (v: string, i: number): string => {
    const w = widths[i] ?? 0;
    if (v.length > w) return v.slice(0, Math.max(1, w) - 1) + '…';
    return numeric[i] ? v.padStart(w) : v.padEnd(w);
  };
  const line = (vals: readonly string[]): string => vals.map(fit).join('  ').trimEnd();
  const header = columns.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [header, line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Control characters a cell would break the table's lines with, and how they are shown. */
const CONTROL = /[\n\r\t\v\f\b]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\f': '\\f', '\b': '\\b' };

/** A value as one line of text: line breaks and tabs inside it are shown as \n, \t, …. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, jsonReplacer);
  return String(v).replace(CONTROL, (ch) => ESCAPES[ch] ?? ch);
}
