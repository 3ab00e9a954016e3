// The version handshake: a client says which API version it was built for in `hello`, and the
// engine refuses any other, so a stale window never talks to a newer engine by accident.
import { API_VERSION } from '../api/engine-api.js';
import { IngotError } from '../errors.js';

/** Throws VERSION_MISMATCH unless the client speaks this engine's API version. */
export function checkApiVersion(clientVersion: number, client: string): void {
  if (clientVersion === API_VERSION) return;
  const older = clientVersion < API_VERSION;
  throw new IngotError('VERSION_MISMATCH', `This ${client || 'client'} speaks Ingot engine API v${clientVersion}, but the engine speaks v${API_VERSION}.`, {
    hint: older
      ? 'Reload the app so it loads the version that matches the engine.'
      : 'The engine is older than this app: update Ingot (or restart `ingot serve` from the same installation), then reload.',
    detail: { clientVersion, engineVersion: API_VERSION },
  });
}
