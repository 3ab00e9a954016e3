// What the results column says before there is an estimate: how to start when the form is blank,
// or which inputs to fix, each named with its problem.
import { fieldLabel } from './form-fields.js';
import type { FormEstimate } from './form-estimate.js';
import type { InputField } from '../../../shared/capacity/index.js';
import { useCapacityStore } from '../../stores/capacity/store.js';

export function EstimatePending({ result }: { result: FormEstimate }) {
  const fillExample = useCapacityStore((s) => s.fillExample);
  if (result.blank) {
    return (
      <div className="empty-state cap-pending">
        <h2>Start with the volume</h2>
        <p>
          Type how many users (or sources, devices) produce events each day, how many events each sends and how big an event is. The math, the verdict and the
          storage chart follow as you type.
        </p>
        <p>
          <button type="button" className="button button--small" onClick={fillExample}>
            Fill the 10 M users example
          </button>
        </p>
      </div>
    );
  }
  const problems = Object.entries(result.issues) as [InputField, string[]][];
  return (
    <div className="empty-state cap-pending" aria-label="Inputs to fix">
      <h2>Fix {problems.length === 1 ? 'this input' : `these ${problems.length} inputs`} to see the estimate</h2>
      <ul>
        {problems.map(([field, messages]) => (
          <li key={field}>
            <strong>{fieldLabel(field)}</strong> {messages.join('; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
