// `ingot sample-api [--port N] [--orders N]`: runs the ShopFlow order-events API on 127.0.0.1
// until Ctrl+C, and gives the workspace (if there is one) an `order_events` source pointing at
// it, so `ingot ingest order_events` shows API ingest working offline.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEV_TOKEN, startSampleApi, TOKEN_VARIABLE } from '../../engine/sample/api/api-server.js';
import { orderEventsSource } from '../../engine/sample/api/sample-source.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { IngotError } from '../../shared/errors.js';
import { globals } from '../context.js';

interface SampleApiOptions {
  port: string;
  orders: string;
}

function whole(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new IngotError('INVALID_INPUT', `${flag} must be a whole number from ${min} to ${max}, not "${text}".`, { detail: { field: flag } });
  return n;
}

/** Writes sources/order_events.yaml when the folder is a workspace without one; says what happened. */
async function addSource(root: string, url: string): Promise<string> {
  const paths = workspacePaths(root);
  if (!existsSync(paths.config)) return `No workspace at ${paths.root}; create one with \`ingot init --sample shopflow\` to ingest the feed.`;
  const file = join(paths.sources, 'order_events.yaml');
  if (existsSync(file)) return 'sources/order_events.yaml already exists; check that its url matches the one above.';
  await writeFile(file, orderEventsSource(url), 'utf8');
  return 'Added sources/order_events.yaml to the workspace.';
}

export function registerSampleApi(program: Command): void {
  program
    .command('sample-api')
    .description('run the ShopFlow order-events API locally (bearer token, cursor pages, updated_since) for API ingest')
    .option('--port <n>', 'port on 127.0.0.1', '8787')
    .option('--orders <n>', 'orders placed so far: the feed grows when you restart with more', '1000')
    .action(async (opts: SampleApiOptions, cmd: Command) => {
      const { json, workspace } = globals(cmd);
      const api = await startSampleApi({ port: whole('--port', opts.port, 0, 65535), orders: whole('--orders', opts.orders, 1, 1_000_000) });
      const note = await addSource(workspace, api.url);
      const tokenSet = process.env[TOKEN_VARIABLE] !== undefined;
      if (json) process.stdout.write(JSON.stringify({ ok: true, url: api.url, port: api.port, events: api.events, tokenVariable: TOKEN_VARIABLE }) + '\n');
      else {
        process.stdout.write(
          [
            `ShopFlow sample API: ${api.events} order events at ${api.url}`,
            tokenSet ? `Bearer token: the value of ${TOKEN_VARIABLE}.` : `Bearer token: the development token "${DEV_TOKEN}" (set ${TOKEN_VARIABLE} to use another).`,
            note,
            '',
            'In another terminal:',
            ...(tokenSet ? [] : [`  export ${TOKEN_VARIABLE}=${DEV_TOKEN}`]),
            '  ingot preview order_events',
            '  ingot ingest order_events      # again later: only newer events are asked for',
            '',
            'Press Ctrl+C to stop.',
          ].join('\n') + '\n',
        );
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await api.close();
    });
}
