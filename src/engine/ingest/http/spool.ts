// The spool of one load: the records of every page, appended as they arrive as newline-delimited
// JSON to one file in .ingot/cache/http/, so memory holds one page at a time and DuckDB reads them
// all with one read_json. The length written so far is what a checkpoint records; resuming cuts the file back
// to it, so a page half-written when the load died is fetched again, never kept twice.
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class Spool {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private size: number,
    private count: number,
  ) {}

  /** Starts a new spool at `path`. */
  static async create(path: string): Promise<Spool> {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'w');
    return new Spool(path, handle, 0, 0);
  }

  /** Reopens a spool, cut back to `bytes` holding `records`; undefined if the file is gone or short. */
  static async resume(path: string, bytes: number, records: number): Promise<Spool | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info || info.size < bytes || bytes < 0) return undefined;
    const handle = await open(path, 'r+');
    await handle.truncate(bytes);
    return new Spool(path, handle, bytes, records);
  }

  /** Bytes written (and safe to resume from). */
  get bytes(): number {
    return this.size;
  }

  get records(): number {
    return this.count;
  }

  /** Appends the records of one page, serialized one per line. */
  async append(records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return;
    await this.appendLines(Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n'), records.length);
  }

  /** Appends `count` records given as NDJSON bytes (each line ending in a newline). */
  async appendLines(lines: Uint8Array, count: number): Promise<void> {
    if (count === 0) return;
    const { bytesWritten } = await this.handle.write(lines, 0, lines.length, this.size);
    this.size += bytesWritten;
    this.count += count;
  }

  /** Done appending; the file is then ready for read_json(format='newline_delimited'). */
  async finish(): Promise<void> {
    await this.handle.close();
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  static async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
