// `ingot serve` as a command: prints one JSON line with the URL, answers on the port it chose,
// and on SIGTERM closes the workspace cleanly (the database is free for the next process).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { serveFixture } from './serve-helpers.js';

const BIN = fileURLToPath(new URL('../../../bin/ingot.mjs', import.meta.url));

describe('ingot serve command', () => {
  it('prints {url, port, token}, serves, and shuts down cleanly on SIGTERM', async () => {
    const { workspaceRoot } = await serveFixture();
    const child = spawn(process.execPath, [BIN, 'serve', workspaceRoot, '--port', '0', '--no-open', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.once('exit', () => reject(new Error(`ingot serve exited early: ${stderr}`)));
      });
      const info = JSON.parse(line) as { url: string; port: number; token: string };
      expect(Object.keys(info).sort()).toEqual(['port', 'token', 'url']);
      expect(info.url).toBe(`http://127.0.0.1:${info.port}/?token=${info.token}`);
      const res = await fetch(info.url, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect((await fetch(`http://127.0.0.1:${info.port}/`)).status).toBe(401);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const ws = await openWorkspace(workspaceRoot);
      ws.close();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
