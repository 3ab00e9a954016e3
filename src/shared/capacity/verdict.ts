// The verdict: does one machine with embedded DuckDB suffice, is a streaming buffer needed, or
// distributed processing? Every check states its measured value, its threshold and where the
// threshold comes from, and the verdict says what to switch to.
import type { CapacityFigures } from './figures.js';
import { formatBytes, formatDuration, formatNumber, formatQuantity } from './format.js';
import type { CapacityInputs } from './inputs.js';
import type { MachineProfile } from './profile.js';
import { kindOf, measureVerdict, type VerdictKind } from './verdict-measures.js';

export { VERDICT_SEVERITY, type VerdictKind } from './verdict-measures.js';

export interface VerdictCheck {
  id: 'writer-throughput' | 'seconds-freshness' | 'day-within-window' | 'local-disk';
  question: string;
  /** The verdict this check forces when triggered; 'advisory' checks only add a note. */
  leadsTo: Exclude<VerdictKind, 'single-machine'> | 'advisory';
  triggered: boolean;
  measured: number;
  threshold: number;
  unit: string;
  /** The comparison with the numbers substituted. */
  formula: string;
  /** One sentence with the numbers, true whether or not the check triggered. */
  reason: string;
}

export interface Verdict {
  kind: VerdictKind;
  summary: string;
  /** Why this verdict, one sentence per check that decided it, with the numbers. */
  reasons: string[];
  /** What to run instead (or that nothing needs to change). */
  switchTo: string[];
  /** Advisory findings that do not change the verdict (e.g. disk size). */
  notes: string[];
  checks: VerdictCheck[];
}

const rate = (n: number): string => `${formatQuantity(n)} events/s`;

/** Runs every check against the profile, picks the most severe verdict triggered, and explains it. */
export function decideVerdict(inputs: CapacityInputs, figures: CapacityFigures, profile: MachineProfile): Verdict {
  const { writer, seconds, processing, disk } = measureVerdict(inputs, figures, profile);
  const cmp = (t: boolean): string => (t ? '>' : '≤');
  const rows = profile.processingRowsPerSec;
  const bytes = profile.processingBytesPerSec;
  const volume = processing.continuous ? 'a second of peak data' : 'a day of data';
  const window = formatDuration(processing.threshold);
  const checks: VerdictCheck[] = [
    {
      id: 'writer-throughput',
      question: 'Does one writer absorb the peak event rate?',
      leadsTo: 'streaming-buffer',
      ...writer,
      unit: 'events/s',
      formula: `peak ${rate(writer.measured)} ${cmp(writer.triggered)} ${rate(writer.threshold)}`,
      reason: `peak ${rate(writer.measured)} ${writer.triggered ? 'exceeds' : 'is within'} the ${rate(writer.threshold)} one writer absorbs (${profile.writerEventsPerSec.basis})`,
    },
    {
      id: 'seconds-freshness',
      question: 'Must results be fresh within seconds?',
      leadsTo: 'streaming-buffer',
      ...seconds,
      unit: 's',
      formula: `freshness window ${formatDuration(seconds.measured)} ${seconds.triggered ? '<' : '≥'} ${formatDuration(seconds.threshold)}`,
      reason: seconds.triggered
        ? 'freshness "seconds" needs events delivered continuously, which batch loads cannot do'
        : `freshness "${inputs.freshness}" (${formatDuration(seconds.measured)}) is met by batch loads`,
    },
    {
      id: 'day-within-window',
      question: `Can this machine process ${volume} within the freshness window?`,
      leadsTo: 'distributed',
      measured: processing.measured,
      threshold: processing.threshold,
      triggered: processing.triggered,
      unit: 's',
      formula:
        `max(${formatQuantity(processing.rows)} rows ÷ ${formatNumber(rows.value)} rows/s, ${formatBytes(processing.bytes)} ÷ ${formatBytes(bytes.value)}/s)` +
        ` = ${formatDuration(processing.measured)} ${cmp(processing.triggered)} ${window}`,
      reason:
        `${volume} (${formatQuantity(processing.rows)} rows, ${formatBytes(processing.bytes)}) takes ${formatDuration(processing.measured)} here, ` +
        `${processing.triggered ? 'longer than' : 'within'} the ${inputs.freshness} window of ${window} ` +
        `(this machine: ${formatNumber(rows.value)} rows/s, ${rows.basis}; ${formatBytes(bytes.value)}/s, ${bytes.basis})`,
    },
    {
      id: 'local-disk',
      question: 'Does the data kept under the retention fit on one machine?',
      leadsTo: 'advisory',
      ...disk,
      unit: 'B',
      formula: `${formatBytes(disk.measured)} held ${cmp(disk.triggered)} ${formatBytes(disk.threshold)}`,
      reason:
        `up to ${formatBytes(disk.measured)} held under a ${formatNumber(inputs.retentionDays)}-day retention ${disk.triggered ? 'exceeds' : 'fits in'} ` +
        `the ${formatBytes(disk.threshold)} one machine keeps comfortably (${profile.localDiskBytes.basis})`,
    },
  ];
  const decisive = checks.filter((c) => c.leadsTo !== 'advisory');
  const kind = kindOf({ writer, seconds, processing, disk });
  const notes = checks
    .filter((c) => c.leadsTo === 'advisory' && c.triggered)
    .map((c) => `${c.reason}: keep older data as Parquet on object storage or a NAS, and only recent data in the workspace.`);
  const reasons = (kind === 'single-machine' ? decisive : decisive.filter((c) => c.triggered)).map((c) => c.reason);
  return { kind, summary: summaryOf(kind, checks, volume), reasons, switchTo: switchTo(kind, checks), notes, checks };
}

function summaryOf(kind: VerdictKind, checks: VerdictCheck[], volumeLabel: string): string {
  const day = checks.find((c) => c.id === 'day-within-window');
  if (kind === 'single-machine') return 'One machine with embedded DuckDB is enough: no streaming log, no cluster.';
  if (kind === 'streaming-buffer') {
    return `A streaming buffer between producers and consumers is needed, but not a cluster: this machine processes ${volumeLabel} in ${formatDuration(day?.measured ?? 0)}.`;
  }
  return `Distributed processing is needed: ${volumeLabel} takes ${formatDuration(day?.measured ?? 0)} on this machine, more than the ${formatDuration(day?.threshold ?? 0)} freshness window.`;
}

function switchTo(kind: VerdictKind, checks: VerdictCheck[]): string[] {
  if (kind === 'single-machine') return ['Stay on embedded DuckDB in this workspace; batch loads meet the freshness target.'];
  const out: string[] = [];
  if (checks.some((c) => c.leadsTo === 'streaming-buffer' && c.triggered)) {
    out.push('Put a streaming log (Kafka, Redpanda or a managed equivalent) between producers and consumers; land it in micro-batches so one writer appends large batches.');
  }
  if (checks.some((c) => c.id === 'seconds-freshness' && c.triggered)) out.push('For results within seconds, consume the log with a stream processor (Flink or Kafka Streams).');
  if (kind === 'distributed') out.push('Process with Spark or Flink, or run the models in a warehouse (BigQuery, Snowflake, Databricks) through the dbt export.');
  return out;
}
