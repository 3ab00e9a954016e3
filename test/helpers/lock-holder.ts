// Another process holding a DuckDB database open read-write (its single-writer lock), for the
// tests of the "workspace is locked, by this process" error. The child keeps its instance and
// connection referenced for as long as it lives: an unreferenced instance can be garbage
// collected, which closes the database and releases the lock in the middle of a test.
import { spawn } from 'node:child_process';

export interface LockHolder {
  pid: number;
  /** Kills the holder (its lock goes with it). */
  release(): void;
}

/** Starts a process that opens `path` read-write and waits until it holds the lock; `argv` goes on its command line. */
export async function holdDatabase(path: string, argv: readonly string[] = []): Promise<LockHolder> {
  const script = `import('@duckdb/node-api').then(async (d) => {
    const instance = await d.DuckDBInstance.create(${JSON.stringify(path)});
    const connection = await instance.connect();
    await connection.run('SELECT 1');
    globalThis.held = [instance, connection];
    console.log('ready');
    setInterval(() => undefined, 1000);
  })`;
  const child = spawn(process.execPath, ['-e', script, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${String(code)}) before it held ${path}`)));
  });
  return { pid: child.pid ?? -1, release: () => child.kill('SIGKILL') };
}
