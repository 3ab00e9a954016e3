// The estimator's inputs, grouped as a data engineer thinks about them (volume, storage,
// delivery). Every keystroke recomputes the estimate; problems show under their field.
import { useShallow } from 'zustand/react/shallow';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectFields, selectFormActions } from '../../stores/capacity/selectors.js';
import { FIELD_GROUPS } from './form-fields.js';
import type { FormEstimate } from './form-estimate.js';
import { FormField } from './FormField.js';

export function EstimateForm({ result }: { result: FormEstimate }) {
  const fields = useCapacityStore(selectFields);
  const { setField, fillExample, resetForm } = useCapacityStore(useShallow(selectFormActions));
  const defaulted = new Set(result.defaulted);
  return (
    <form className="cap-form" aria-label="Capacity inputs" onSubmit={(e) => e.preventDefault()}>
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.title} className="cap-form__group">
          <legend>{group.title}</legend>
          <div className="cap-form__fields">
            {group.fields.map((field) => (
              <FormField
                key={field}
                field={field}
                text={fields[field]}
                messages={result.blank && result.issues[field]?.every((m) => m.startsWith('is required')) ? undefined : result.issues[field]}
                defaulted={defaulted.has(field)}
                onChange={setField}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="cap-form__actions">
        <button type="button" className="button button--small" onClick={fillExample}>
          Fill the 10 M users example
        </button>
        <button type="button" className="button button--small button--ghost" onClick={resetForm}>
          Clear
        </button>
      </div>
    </form>
  );
}
