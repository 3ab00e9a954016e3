// The verdict: one machine, a streaming buffer, or distributed processing — why, with the
// numbers; each check's trigger value; what to switch to; and when growth changes the answer.
import { formatBytes, formatNumber, type CapacityEstimate } from '../../../shared/capacity/index.js';
import { diskOutgrownYear } from './storage-bars.js';
import { verdictHeadline } from './verdict-headline.js';
import { VERDICT_SHORT } from './verdict-labels.js';

export function VerdictPanel({ estimate, thresholds }: { estimate: CapacityEstimate; thresholds: 'default' | 'measured' }) {
  const { verdict, verdictChange, inputs } = estimate;
  const headline = verdictHeadline(verdict);
  const outgrown = diskOutgrownYear(estimate);
  return (
    <section className={`cap-card cap-verdict cap-verdict--${headline.tone}`} aria-label="Verdict">
      <p className="cap-card__eyebrow">Verdict · {thresholds === 'measured' ? 'thresholds measured in this workspace' : 'documented default thresholds'}</p>
      <h2 className="cap-verdict__title">{headline.title}</h2>
      <p className="cap-verdict__summary">{headline.summary}</p>
      <div className="cap-verdict__columns">
        <div>
          <h3>Why</h3>
          <ul aria-label="Reasons">
            {verdict.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>What to do</h3>
          <ul aria-label="What to switch to">
            {verdict.switchTo.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {verdict.notes.map((n) => (
            <p key={n} className="cap-verdict__note">
              {n}
            </p>
          ))}
          {verdictChange ? (
            <p className="cap-verdict__note">
              With {formatNumber(inputs.yearlyGrowthPercent, 2)}%/year growth the verdict becomes “{VERDICT_SHORT[verdictChange.kind]}” in year {verdictChange.year}.
            </p>
          ) : null}
          {outgrown !== undefined ? (
            <p className="cap-verdict__note">
              With {formatNumber(inputs.yearlyGrowthPercent, 2)}%/year growth the data held passes one machine’s disk ({formatBytes(estimate.profile.localDiskBytes.value)}, advisory) in year {outgrown}.
            </p>
          ) : null}
        </div>
      </div>
      <table className="data-table cap-checks" aria-label="Verdict checks">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Measured against the trigger value</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {verdict.checks.map((c) => (
            <tr key={c.id} className={c.triggered ? 'cap-checks__triggered' : undefined}>
              <th scope="row">{c.question}</th>
              <td>
                <code>{c.formula}</code>
              </td>
              <td className="nowrap">{c.triggered ? (c.leadsTo === 'advisory' ? 'advisory' : `→ ${VERDICT_SHORT[c.leadsTo]}`) : 'fits'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
