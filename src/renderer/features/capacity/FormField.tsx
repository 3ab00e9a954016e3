// One estimator input: label, the typed text (or a choice), its unit, and the problem with it
// right below, tied to the input for screen readers.
import type { InputField } from '../../../shared/capacity/index.js';
import { fieldLabel, fieldPlaceholder, fieldUnit, FRESHNESS_CHOICES } from './form-fields.js';

interface FormFieldProps {
  field: InputField;
  text: string;
  messages: readonly string[] | undefined;
  defaulted: boolean;
  onChange: (field: InputField, text: string) => void;
}

export function FormField({ field, text, messages, defaulted, onChange }: FormFieldProps) {
  const id = `capacity-${field}`;
  const errorId = `${id}-error`;
  const invalid = messages !== undefined && messages.length > 0;
  return (
    <div className={`cap-field${invalid ? ' cap-field--invalid' : ''}`}>
      <div className="cap-field__head">
        <label className="field__label" htmlFor={id}>
          {fieldLabel(field)}
        </label>
        {fieldUnit(field) ? <span className="cap-field__unit">{fieldUnit(field)}</span> : null}
      </div>
      {field === 'freshness' ? (
        <select id={id} className="input cap-field__input" value={text} onChange={(e) => onChange(field, e.target.value)}>
          {FRESHNESS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input cap-field__input"
          value={text}
          onChange={(e) => onChange(field, e.target.value)}
          placeholder={fieldPlaceholder(field)}
          inputMode={field === 'compression' ? 'text' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          aria-errormessage={invalid ? errorId : undefined}
        />
      )}
      {invalid ? (
        <p id={errorId} className="cap-field__error">
          {messages.join('; ')}
        </p>
      ) : defaulted ? (
        <p className="cap-field__note">empty: the default is used</p>
      ) : null}
    </div>
  );
}
