// The status bar: engine connection state (with reconnect countdown and a retry button) and the
// engine version.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineConnection } from '../../api/engine.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnection } from '../../stores/connection/selectors.js';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function StatusBar() {
  const { status, retryAt, error, engineVersion } = useConnectionStore(useShallow(selectConnection));
  const seconds = useSecondsUntil(status === 'reconnecting' ? retryAt : null);
  let text: string;
  switch (status) {
    case 'connected':
      text = 'Connected to the engine';
      break;
    case 'connecting':
      text = 'Connecting to the engine…';
      break;
    case 'reconnecting':
      text = seconds === null || seconds === 0 ? 'Engine unreachable · reconnecting…' : `Engine unreachable · reconnecting in ${seconds} s`;
      break;
    case 'incompatible':
      text = `Engine refused this window: ${error?.message ?? 'incompatible version'}`;
      break;
    case 'refused':
      text = 'The Ingot server was restarted: open the new URL it printed';
      break;
    case 'stopped':
      text = 'Disconnected from the engine';
      break;
  }
  return (
    <footer className="statusbar" data-connection={status}>
      <span className="statusbar__connection" role="status" aria-label="Engine connection">
        <span className="status-dot" aria-hidden="true" />
        {text}
      </span>
      {status === 'reconnecting' ? (
        <button type="button" className="button button--link" onClick={() => engineConnection().retryNow()}>
          Retry now
        </button>
      ) : null}
      {status !== 'connected' && error?.hint ? <span className="statusbar__hint">{error.hint}</span> : null}
      <span className="statusbar__spacer" />
      {engineVersion ? <span className="statusbar__version">Engine {engineVersion}</span> : null}
    </footer>
  );
}
