/** One statement a request ran, and the rows D1 says it read and wrote. */
export interface StatementReport {
  sql: string;
  rowsRead: number;
  rowsWritten: number;
}

/** A statement that remembers its SQL and the statement D1 made, so that `batch()` can be given the real ones. */
class CountingStatement {
  constructor(
    readonly _inner: D1PreparedStatement,
    private readonly _sql: string,
    private readonly _reports: StatementReport[],
  ) {}

  /** Records what D1 reported for this statement. */
  _record(result: D1Result): void {
    this._reports.push({
      sql: this._sql.replace(/\s+/g, ' ').trim(),
      rowsRead: result.meta.rows_read ?? 0,
      rowsWritten: result.meta.rows_written ?? 0,
    });
  }

  bind(...values: unknown[]): CountingStatement {
    return new CountingStatement(this._inner.bind(...values), this._sql, this._reports);
  }

  async all<T>(): Promise<D1Result<T>> {
    const result = await this._inner.all<T>();
    this._record(result);
    return result;
  }

  async run<T>(): Promise<D1Result<T>> {
    const result = await this._inner.run<T>();
    this._record(result);
    return result;
  }

  // `first()` and `raw()` do not return D1's meta: run the statement as `all()`, which reads the same rows.
  async first<T>(column?: string): Promise<T | null> {
    const { results } = await this.all<Record<string, unknown>>();
    const row = results[0];
    if (!row) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  async raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    await this.all();
    return this._inner.raw<T>(options as { columnNames: true }) as Promise<T[]>;
  }
}

/**
 * A D1 binding that reports `meta.rows_read` and `meta.rows_written` of every statement run through it (bench only: `first()` and `raw()`
 * run as `all()` to get the count, which reads the same rows).
 */
export const countingDatabase = (db: D1Database, reports: StatementReport[]): D1Database =>
  ({
    prepare: (sql: string) => new CountingStatement(db.prepare(sql), sql, reports),
    batch: async (statements: CountingStatement[]) => {
      const results = await db.batch(statements.map((statement) => statement._inner));
      results.forEach((result, index) => {
        statements[index]!._record(result);
      });
      return results;
    },
    exec: (sql: string) => db.exec(sql),
    dump: () => db.dump(),
    withSession: () => {
      throw new Error('withSession is not used by the collector');
    },
  }) as unknown as D1Database;
