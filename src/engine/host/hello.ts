// `hello`: the version handshake, answered with the engine's version and the open workspace.
import { readFileSync } from 'node:fs';
import { API_VERSION, type EngineHandlers } from '../../shared/api/engine-api.js';
import { checkApiVersion } from '../../shared/rpc/version.js';
import type { Workspace } from '../workspace/workspace.js';

/** The version in Ingot's package.json. */
export function ingotVersion(): string {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export function helloHandler(workspace: Workspace, engineVersion: string): EngineHandlers['hello'] {
  return async (request) => {
    checkApiVersion(request.apiVersion, request.client);
    return { apiVersion: API_VERSION, engineVersion, workspace: { name: workspace.config.name, root: workspace.paths.root } };
  };
}
