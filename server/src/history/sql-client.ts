/** The little of a PostgreSQL client the history store needs (PGlite and node-postgres both fit behind it). */
export interface SqlClient {
  query<T extends object>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (the schema). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
