// One input's value as text with its unit ("5.4×", "20%/year", "1,000 B/event", "5-10×"),
// the same in the CLI report, the comparison and the sensitivity table.
import { compressionText } from './compression-range.js';
import { formatNumber } from './format.js';
import { FIELDS, type CapacityInputs, type InputField } from './inputs.js';

/** The value of `field` in `inputs`, formatted with its unit. */
export function formatInput(inputs: CapacityInputs, field: InputField): string {
  if (field === 'compression') return `${compressionText(inputs.compression)}×`;
  if (field === 'freshness') return inputs.freshness;
  const unit = FIELDS[field].unit;
  const number = formatNumber(inputs[field], 2);
  if (unit === '') return number;
  return /^[×%]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}
