// An error from the engine in place: what went wrong, where (file:line:column), and what to do.
import type { ReactNode } from 'react';
import type { ErrorData } from '../../../shared/errors.js';
import { describeLocation } from '../../format/error-location.js';

export function ErrorCallout({ error, children }: { error: ErrorData; children?: ReactNode }) {
  const where = describeLocation(error.detail);
  return (
    <div className="callout callout--error" role="alert">
      <p>{error.message}</p>
      {where ? <p className="callout__where">{where}</p> : null}
      {error.hint ? <p className="hint">{error.hint}</p> : null}
      {children}
    </div>
  );
}
