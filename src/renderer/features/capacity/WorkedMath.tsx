// The worked math, step by step as on a whiteboard: each figure's formula with the numbers
// substituted, and its rounded result with its unit.
import type { CapacityEstimate } from '../../../shared/capacity/index.js';

export function WorkedMath({ estimate }: { estimate: CapacityEstimate }) {
  return (
    <section className="cap-card" aria-labelledby="capacity-math-title">
      <h2 id="capacity-math-title" className="cap-card__title">
        Worked math
      </h2>
      <p className="cap-card__note">Decimal units: 1 KB = 1,000 B, 1 TB = 10¹² B. A year is 365 days, a day 86,400 s.</p>
      <table className="data-table cap-math" aria-label="Worked math">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Figure</th>
            <th scope="col">Formula</th>
            <th scope="col" className="num">
              Result
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.steps.map((step, i) => (
            <tr key={step.id}>
              <td className="num cap-math__index">{i + 1}</td>
              <th scope="row">{step.name}</th>
              <td>
                <code className="cap-math__formula">{step.formula}</code>
              </td>
              <td className="num cap-math__result">{step.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
