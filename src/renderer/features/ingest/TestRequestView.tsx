// What the test request of an HTTP source got back: status, the request sent (credentials
// masked), where the records are, and the start of the body.
import type { TestRequestResult } from '../../../shared/api/index.js';

export function TestRequestView({ source, result }: { source: string; result: TestRequestResult }) {
  return (
    <section aria-label={`Test request of ${source}`}>
      <h2>Test request of {source}</h2>
      <p>
        <span className={`pill ${result.ok ? 'pill--success' : 'pill--failed'}`}>
          {result.status} {result.statusText}
        </span>{' '}
        {result.method} <code>{result.url}</code> in {result.durationMs} ms
      </p>
      {result.recordsPath !== null ? (
        <p>
          {result.records ?? 0} records at <code>{result.recordsPath}</code>
          {result.recordsFound ? ' (found by Ingot)' : ''}
        </p>
      ) : null}
      {result.problem ? (
        <p role="alert">
          {result.problem.message}
          {result.problem.hint ? <span className="hint"> {result.problem.hint}</span> : null}
        </p>
      ) : null}
      <h3>Body ({result.bodyBytes} bytes{result.contentType ? `, ${result.contentType}` : ''})</h3>
      <pre aria-label="Response body excerpt">{result.bodyExcerpt}</pre>
    </section>
  );
}
