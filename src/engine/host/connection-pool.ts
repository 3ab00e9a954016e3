// A few reusable DuckDB connections for the host's short calls (queries, pages, listings):
// opening a connection per call would add about a millisecond to every round trip.
import type { Database, SqlConnection } from '../db/connection.js';

export class ConnectionPool {
  private readonly idle: SqlConnection[] = [];
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly maxIdle = 4,
  ) {}

  /** Runs `fn` on a pooled connection. `fn` must leave no transaction open. */
  async use<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T> {
    const conn = this.idle.pop() ?? (await this.db.connect());
    try {
      return await fn(conn);
    } finally {
      if (!this.closed && this.idle.length < this.maxIdle) this.idle.push(conn);
      else conn.close();
    }
  }

  close(): void {
    this.closed = true;
    for (const conn of this.idle.splice(0)) conn.close();
  }
}
