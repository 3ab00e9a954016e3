// Sensitivity: each input halved and doubled on its own (freshness one step each way), most
// influential first: which inputs move the verdict, and how much each moves the peak and storage.
import { analyzeSensitivity, FIELDS, formatBytes, formatQuantity, FRESHNESS_TARGETS, type CapacityEstimate, type CapacityInputs, type InputField, type SensitivityVariant } from '../../../shared/capacity/index.js';
import { VerdictPill } from './VerdictPill.js';

/** Whether a variant lowers its input (×0.5, or a less fresh target) or raises it. */
function isLower(field: InputField, variant: SensitivityVariant, inputs: CapacityInputs): boolean {
  if (field === 'freshness') return FRESHNESS_TARGETS.indexOf(variant.label as CapacityInputs['freshness']) < FRESHNESS_TARGETS.indexOf(inputs.freshness);
  return variant.label.startsWith('×0');
}

const names = (fields: readonly InputField[]): string => (fields.length > 0 ? fields.map((f) => FIELDS[f].label).join(', ') : 'none');

function VariantCell({ variant }: { variant: SensitivityVariant | undefined }) {
  if (!variant) return <td className="cap-variant cap-variant--none">—</td>;
  return (
    <td className="cap-variant">
      <span className="cap-variant__value">
        {variant.label === variant.value ? variant.value : `${variant.label} → ${variant.value}`}
      </span>
      <VerdictPill standing={variant.standing} />
      <span className="cap-variant__figures">
        peak {formatQuantity(variant.peakEventsPerSec)}/s · held {formatBytes(variant.retainedBytes)}
      </span>
    </td>
  );
}

export function SensitivityTable({ estimate }: { estimate: CapacityEstimate }) {
  const sensitivity = analyzeSensitivity(estimate.inputs, estimate.profile);
  return (
    <section className="cap-card" aria-labelledby="capacity-sensitivity-title">
      <h2 id="capacity-sensitivity-title" className="cap-card__title">
        Sensitivity: which input moves the verdict most
      </h2>
      <dl className="cap-sensitivity__summary">
        <div>
          <dt>Today</dt>
          <dd>
            <VerdictPill standing={sensitivity.base.standing} /> peak {formatQuantity(sensitivity.base.peakEventsPerSec)}/s · held {formatBytes(sensitivity.base.retainedBytes)}
          </dd>
        </div>
        <div>
          <dt>Moves the verdict</dt>
          <dd>{names(sensitivity.movesVerdict)}</dd>
        </div>
        <div>
          <dt>Moves the peak most</dt>
          <dd>{names(sensitivity.movesPeakMost)}</dd>
        </div>
        <div>
          <dt>Moves the storage most</dt>
          <dd>{names(sensitivity.movesStorageMost)}</dd>
        </div>
      </dl>
      <div className="cap-scroll">
        <table className="data-table cap-sensitivity" aria-label="Sensitivity">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Lower (×0.5, or less fresh)</th>
              <th scope="col">Higher (×2, or fresher)</th>
            </tr>
          </thead>
          <tbody>
            {sensitivity.rows.map((row) => (
              <tr key={row.field} className={row.movesVerdict ? 'cap-sensitivity__moves' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.movesVerdict ? <span className="tag cap-sensitivity__tag">moves the verdict</span> : null}
                </th>
                <VariantCell variant={row.variants.find((v) => isLower(row.field, v, estimate.inputs))} />
                <VariantCell variant={row.variants.find((v) => !isLower(row.field, v, estimate.inputs))} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
