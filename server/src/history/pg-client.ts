import type { SqlClient } from './sql-client';

/** A PostgreSQL server through a small node-postgres pool. */
export async function openPostgres(connectionString: string, onError: (err: Error) => void): Promise<SqlClient> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString, max: 4 });
  pool.on('error', onError);
  return {
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      return (await pool.query<T & Record<string, unknown>>(text, [...params])).rows;
    },
    async exec(text: string) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}
