/** The one method the vault needs; pg's Pool/Client and the event-store helper's PGlite client both provide it. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
