// How the form presents each estimator input: its group, label, unit and the placeholder that
// teaches the expected value. Labels, units and limits come from the estimator's own field table.
import { DEFAULT_INPUTS, FIELDS, FRESHNESS_TARGETS, type Freshness, type InputField } from '../../../shared/capacity/index.js';
import { inputText } from '../../stores/capacity/field-text.js';

export interface FieldGroup {
  title: string;
  fields: readonly InputField[];
}

export const FIELD_GROUPS: readonly FieldGroup[] = [
  { title: 'Volume', fields: ['usersPerDay', 'eventsPerUserPerDay', 'bytesPerEvent', 'peakFactor'] },
  { title: 'Storage', fields: ['compression', 'retentionDays', 'yearlyGrowthPercent', 'projectionYears', 'storagePricePerTbMonth'] },
  { title: 'Delivery', fields: ['freshness', 'consumers'] },
];

const EXAMPLES: Partial<Record<InputField, string>> = { usersPerDay: 'e.g. 10,000,000', eventsPerUserPerDay: 'e.g. 50', bytesPerEvent: 'e.g. 1,000' };

/** "Users or sources per day": the estimator's label with a capital. */
export function fieldLabel(field: InputField): string {
  const label = FIELDS[field].label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function fieldUnit(field: InputField): string {
  return FIELDS[field].unit;
}

/** What an empty field means: an example for the required ones, the default for the others. */
export function fieldPlaceholder(field: InputField): string {
  if (field in DEFAULT_INPUTS) return `default ${inputText(field, { ...DEFAULT_INPUTS, usersPerDay: 0, eventsPerUserPerDay: 0, bytesPerEvent: 0 })}`;
  return EXAMPLES[field] ?? '';
}

export const FRESHNESS_CHOICES: readonly { value: Freshness; label: string }[] = FRESHNESS_TARGETS.map((value) => ({
  value,
  label: { daily: 'Daily (a day old is fine)', hourly: 'Hourly', minutes: 'Within minutes', seconds: 'Within seconds (streaming)' }[value],
}));
