// Words for check statuses and table verdicts, and the pill colour of each.
import type { CheckResultDto, TableQuality } from '../../../shared/api/index.js';

const CHECK_LABELS: Record<CheckResultDto['status'], string> = { pass: 'Passed', warn: 'Warned', fail: 'Failed', error: 'Could not run' };
const CHECK_PILLS: Record<CheckResultDto['status'], string> = { pass: 'success', warn: 'warn', fail: 'failed', error: 'failed' };
const OUTCOME_LABELS: Record<NonNullable<TableQuality['outcome']>, string> = { pass: 'Passed', warn: 'Warnings', error: 'Stopped' };
const OUTCOME_PILLS: Record<NonNullable<TableQuality['outcome']>, string> = { pass: 'success', warn: 'warn', error: 'failed' };

export function checkStatusLabel(status: CheckResultDto['status']): string {
  return CHECK_LABELS[status];
}

export function checkStatusPill(status: CheckResultDto['status']): string {
  return `pill pill--${CHECK_PILLS[status]}`;
}

export function outcomeLabel(outcome: TableQuality['outcome']): string {
  return outcome ? OUTCOME_LABELS[outcome] : 'Not checked';
}

export function outcomePill(outcome: TableQuality['outcome']): string {
  return outcome ? `pill pill--${OUTCOME_PILLS[outcome]}` : 'pill';
}
