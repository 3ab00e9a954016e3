// Scenarios side by side with the form: every input, every worked figure and the verdict, one
// column per scenario, rows where they differ marked.
import { compareEstimates, estimateCapacity, type CapacityEstimate, type ComparisonRow, type MachineProfile } from '../../../shared/capacity/index.js';
import type { LoadedScenario } from '../../../shared/api/index.js';

const GROUPS: readonly { kind: ComparisonRow['kind']; title: string }[] = [
  { kind: 'input', title: 'Inputs' },
  { kind: 'step', title: 'Worked math' },
  { kind: 'verdict', title: 'Verdict' },
];

interface ComparisonTableProps {
  current: CapacityEstimate | null;
  compared: readonly LoadedScenario[];
  profile: MachineProfile;
}

export function ComparisonTable({ current, compared, profile }: ComparisonTableProps) {
  const columns = [...(current ? [{ name: 'This form', estimate: current }] : []), ...compared.map((s) => ({ name: s.name, estimate: estimateCapacity(s.inputs, profile) }))];
  const comparison = compareEstimates(columns);
  return (
    <section className="cap-card" aria-labelledby="capacity-compare-title">
      <h2 id="capacity-compare-title" className="cap-card__title">
        Scenarios side by side
      </h2>
      <p className="cap-card__note">Rows marked ≠ differ between the scenarios. All columns use the same thresholds.</p>
      <div className="cap-scroll">
        <table className="data-table cap-compare" aria-label="Scenarios side by side">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {comparison.names.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          {GROUPS.map((group) => (
            <tbody key={group.kind}>
              <tr className="cap-compare__group">
                <th scope="rowgroup" colSpan={comparison.names.length + 1}>
                  {group.title}
                </th>
              </tr>
              {comparison.rows
                .filter((r) => r.kind === group.kind)
                .map((r) => (
                  <tr key={r.id} className={r.differs ? 'cap-compare__differs' : undefined}>
                    <th scope="row">
                      {r.differs ? <span aria-label="differs">≠ </span> : null}
                      {r.label}
                    </th>
                    {r.values.map((v, i) => (
                      <td key={comparison.names[i] ?? i}>{v}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
