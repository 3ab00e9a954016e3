// Host handlers for the user's saved secrets: list the names (and, for each secret an HTTP source
// of the workspace names, whether it is set and where), save one, remove one. Values go into
// secrets.json in the user's config folder, outside the workspace, and never come back out.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { ListSecretsResult } from '../../shared/api/secrets.js';
import type { HttpSource } from '../ingest/http/http-source.js';
import { listSourceNames, loadSource } from '../ingest/sources.js';
import { envSecretStore } from '../secrets/env-store.js';
import { fileSecretStore } from '../secrets/file-store.js';
import { authSecrets } from '../secrets/source-secrets.js';
import type { HostContext } from './context.js';

type SecretHandlers = Pick<EngineHandlers, 'listSecrets' | 'setSecret' | 'deleteSecret'>;

export function secretHandlers(ctx: HostContext): SecretHandlers {
  const { workspace } = ctx;
  const env = envSecretStore();
  const saved = fileSecretStore();
  return {
    listSecrets: async () => {
      const names = new Set(await saved.names());
      const sources: ListSecretsResult['sources'] = [];
      for (const name of await listSourceNames(workspace)) {
        // A source that does not load is reported by the Sources panel; here it names no secret.
        const def = await loadSource(workspace, name).catch(() => undefined);
        if (def?.kind !== 'http') continue;
        const secrets = authSecrets((def.options as unknown as HttpSource).auth);
        if (secrets.length === 0) continue;
        sources.push({
          source: def.name,
          file: def.file,
          secrets: await Promise.all(
            secrets.map(async (s) => ({
              ...s,
              origin: (await env.get(s.name)) !== undefined ? ('environment' as const) : names.has(s.name) ? ('saved' as const) : null,
              saved: names.has(s.name),
            })),
          ),
        });
      }
      return { file: saved.path(), saved: [...names], sources };
    },
    setSecret: async (req) => {
      await saved.set(req.name, req.value);
      return { name: req.name, file: saved.path(), overriddenByEnvironment: (await env.get(req.name)) !== undefined };
    },
    deleteSecret: async (req) => ({ name: req.name, deleted: await saved.delete(req.name), file: saved.path() }),
  };
}
