import type { SqlClient } from './sql-client';

/** PGlite (PostgreSQL compiled to WASM) in a folder of its own; loaded only when used. */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      return (await db.query<T>(text, [...params])).rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
