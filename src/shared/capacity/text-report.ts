// Plain-text renderings of estimates, comparisons, sensitivity and calibration, as the CLI
// prints them (and as a "copy as text" in the UI would): the worked math, then the verdict.
import type { Calibration } from './calibration.js';
import type { Comparison } from './compare.js';
import { compressionText } from './compression-range.js';
import type { CapacityEstimate } from './estimate.js';
import { formatByteRange, formatBytes, formatMoneyRange, formatNumber, formatQuantity } from './format.js';
import type { Headroom } from './headroom.js';
import { formatInput } from './input-display.js';
import { FIELDS, INPUT_FIELDS, type InputField } from './inputs.js';
import type { Sensitivity } from './sensitivity.js';
import { standingOf } from './verdict-standing.js';

const VERDICT_TITLE = {
  'single-machine': 'one machine',
  'single-machine-over-disk': 'one machine, but the data held outgrows its disk',
  'streaming-buffer': 'streaming buffer',
  distributed: 'distributed processing',
} as const;

/** Left-aligns columns of cells, two spaces apart. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** Inputs, worked math, verdict with reasons and what to switch to, and the projection by year. */
export function estimateReport(estimate: CapacityEstimate, options: { defaulted?: readonly InputField[]; headroom?: Headroom; noHeadroom?: string; title?: string } = {}): string {
  const defaulted = new Set(options.defaulted ?? []);
  const lines: string[] = [options.title ?? 'Capacity estimate', '', 'Inputs'];
  lines.push(...alignColumns(INPUT_FIELDS.map((f) => ['  ' + FIELDS[f].label, formatInput(estimate.inputs, f), defaulted.has(f) ? '(default)' : ''])));
  lines.push('', 'Worked math (decimal units: 1 KB = 1000 B)');
  estimate.steps.forEach((step, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${step.name}`, `      ${step.formula}`));
  const v = estimate.verdict;
  const standing = standingOf(v.kind, v.checks.some((c) => c.id === 'local-disk' && c.triggered));
  lines.push('', `Verdict: ${VERDICT_TITLE[standing]}`, `  ${v.summary}`, '  Why:');
  lines.push(...v.reasons.map((r) => `    - ${r}`));
  lines.push('  What to do:', ...v.switchTo.map((s) => `    - ${s}`));
  if (v.notes.length > 0) lines.push('  Notes:', ...v.notes.map((n) => `    - ${n}`));
  if (estimate.verdictChange) {
    lines.push(`  With ${formatNumber(estimate.inputs.yearlyGrowthPercent, 2)}%/year growth the verdict becomes "${VERDICT_TITLE[estimate.verdictChange.kind]}" in year ${estimate.verdictChange.year}.`);
  }
  if (options.headroom) lines.push('', 'Headroom', `  ${options.headroom.sentence}`);
  else if (options.noHeadroom) lines.push('', 'Headroom', `  ${options.noHeadroom}`);
  lines.push('', `Projection (${formatNumber(estimate.inputs.yearlyGrowthPercent, 2)}%/year growth)`);
  const header = ['  year', 'events/day', 'peak events/s', 'raw/day', 'held', 'storage cost/month', 'verdict'];
  const rows = estimate.projection.map((y) => [
    `  ${y.year}`,
    formatNumber(y.eventsPerDay),
    formatQuantity(y.peakEventsPerSec),
    formatBytes(y.rawBytesPerDay),
    formatByteRange(y.retainedBytes.min, y.retainedBytes.max),
    formatMoneyRange(y.monthlyStorageCost.min, y.monthlyStorageCost.max),
    VERDICT_TITLE[standingOf(y.verdict, y.retainedBytes.max > estimate.profile.localDiskBytes.value)],
  ]);
  lines.push(...alignColumns([header, ...rows]));
  return lines.join('\n');
}

/** Scenarios side by side; rows where they differ are marked with "*". */
export function comparisonReport(comparison: Comparison): string {
  const header = ['', ...comparison.names];
  const rows = comparison.rows.map((r) => [`${r.differs ? '*' : ' '} ${r.label}`, ...r.values]);
  return ['Scenarios side by side (* = differs)', '', ...alignColumns([header, ...rows])].join('\n');
}

/** Inputs ranked by influence, with each variant's verdict, peak and storage. */
export function sensitivityReport(sensitivity: Sensitivity): string {
  const lines = ['Sensitivity (each input varied on its own)', ''];
  const header = ['input', 'variant', 'verdict', 'peak events/s', 'held (max)'];
  const rows = sensitivity.rows.flatMap((r) =>
    r.variants.map((v, i) => [i === 0 ? `${r.movesVerdict ? '! ' : '  '}${r.label}` : '', `${v.label} (${v.value})`, VERDICT_TITLE[v.standing], formatQuantity(v.peakEventsPerSec), formatBytes(v.retainedBytes)]),
  );
  lines.push(...alignColumns([header, ...rows]));
  const names = (fields: InputField[]): string => (fields.length > 0 ? fields.map((f) => FIELDS[f].label).join(', ') : 'none');
  lines.push(
    '',
    `Moves the verdict (!): ${names(sensitivity.movesVerdict)}`,
    `Moves the peak most: ${names(sensitivity.movesPeakMost)}`,
    `Moves the storage most: ${names(sensitivity.movesStorageMost)}`,
  );
  return lines.join('\n');
}

/** What calibration measured, per model and per source, and the thresholds it implies. */
export function calibrationReport(calibration: Calibration): string {
  const lines = ['Calibration from this workspace', ''];
  const e2e = calibration.endToEnd;
  lines.push(
    e2e
      ? `  End to end: ${formatNumber(e2e.rows)} rows in ${formatNumber(e2e.seconds, 2)} s over ${e2e.samples} run(s) = ${formatQuantity(e2e.rowsPerSec)} rows/s`
      : `  End to end: ${calibration.tooSmall.some((t) => t.kind === 'runs') ? 'no run large enough to count (see the notes below)' : 'not measured yet'}`,
  );
  const ingest = calibration.ingest;
  if (!ingest && calibration.tooSmall.some((t) => t.kind === 'loads')) lines.push('  Bronze loads: no load large enough to count (see the notes below)');
  if (ingest) lines.push(`  Bronze loads: ${formatNumber(ingest.rows)} rows, ${formatBytes(ingest.bytes)} in ${formatNumber(ingest.seconds, 2)} s = ${formatQuantity(ingest.rowsPerSec)} rows/s, ${formatBytes(ingest.bytesPerSec)}/s`);
  if (calibration.models.length > 0) {
    lines.push('', '  Models (slowest first)');
    lines.push(...alignColumns([['    model', 'runs', 'rows', 'seconds', 'rows/s'], ...calibration.models.map((m) => [`    ${m.model}`, String(m.samples), formatNumber(m.rows), formatNumber(m.seconds, 3), formatQuantity(m.rowsPerSec)])]));
  }
  if (calibration.sources.length > 0) {
    lines.push('', '  Sources (raw files vs bronze storage)');
    const header = ['    source', 'table', 'rows', 'raw', 'stored', 'raw B/row', 'stored B/row', 'compression'];
    const rows = calibration.sources.map((s) => [
      `    ${s.source}`,
      s.table,
      formatNumber(s.rows),
      formatBytes(s.sourceBytes),
      formatBytes(s.storedBytes),
      formatQuantity(s.rawBytesPerRow),
      formatQuantity(s.storedBytesPerRow),
      `${formatNumber(s.compressionRatio, 2)}×`,
    ]);
    lines.push(...alignColumns([header, ...rows]));
  }
  lines.push('', `  Database: ${formatBytes(calibration.database.usedBytes)} used (${formatBytes(calibration.database.blockSize)} blocks), WAL ${calibration.database.walSize}`);
  lines.push('', '  Thresholds for the verdict');
  const p = calibration.profile;
  lines.push(
    `    one writer absorbs ${formatQuantity(p.writerEventsPerSec.value)} events/s (${p.writerEventsPerSec.basis})`,
    `    pipeline processes ${formatQuantity(p.processingRowsPerSec.value)} rows/s (${p.processingRowsPerSec.basis})`,
    `    pipeline parses ${formatBytes(p.processingBytesPerSec.value)}/s (${p.processingBytesPerSec.basis})`,
  );
  if (calibration.prefill) {
    const pf = calibration.prefill;
    lines.push('', `  From source "${pf.source}": ${formatNumber(pf.bytesPerEvent, 1)} bytes/event, compression ${compressionText(pf.compression)}×`);
  }
  if (calibration.notes.length > 0) lines.push('', ...calibration.notes.map((n) => `  note: ${n}`));
  return lines.join('\n');
}
