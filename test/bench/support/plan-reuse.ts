import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/**
 * Whether PostgreSQL keeps one plan for a statement the server prepares, or plans it again on
 * every call. The server sends each statement as a named prepared statement; PostgreSQL plans
 * the first five calls for their parameters, then switches to one generic plan unless that plan
 * looks costlier. Planning again on every call can cost more CPU than running the query, and
 * how much can grow with the tables, so the bench reports it beside each plan.
 */
export async function planReuse(url: string, query: CompiledQuery, calls = 8): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  // A query config with a name, as the server's pool sends it (postgres-server.ts); the typed
  // slice of pg only declares the plain text form.
  const prepared = client.query as unknown as (config: {
    name: string;
    text: string;
    values: unknown[];
  }) => Promise<unknown>;
  try {
    const name = 'bench_plan_reuse';
    for (let call = 0; call < calls; call++) {
      await prepared.call(client, { name, text: query.sql, values: [...query.parameters] });
    }
    const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
      'select generic_plans, custom_plans from pg_prepared_statements where name = $1',
      [name],
    );
    const generic = Number(rows[0]?.generic_plans ?? 0);
    const custom = Number(rows[0]?.custom_plans ?? 0);
    return generic > 0
      ? `-- plan kept across calls: yes (${custom} planned for their parameters, then ${generic} on one generic plan)`
      : `-- plan kept across calls: no, planned again on each of ${custom} calls`;
  } finally {
    client.release();
    await pool.end();
  }
}
