import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';

/**
 * What staff see of the form definitions: every published version with its hash. Definitions
 * are edited as files in `forms/` and published by starting the server. Staff only: app.ts
 * guards `/api/staff/*`.
 */
export function staffRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/staff/form-versions', async (c) => {
    const rows = await db
      .selectFrom('form_versions')
      .select(['form_id', 'version', 'hash', 'published_at', 'published_by'])
      .orderBy('form_id')
      .orderBy('version', 'desc')
      .execute();
    const highest = new Map<string, number>();
    for (const row of rows) highest.set(row.form_id, Math.max(highest.get(row.form_id) ?? 0, row.version));
    return c.json({
      versions: rows.map((row) => ({
        formId: row.form_id,
        version: row.version,
        hash: row.hash,
        publishedAt: row.published_at.toISOString(),
        publishedBy: row.published_by,
        current: highest.get(row.form_id) === row.version,
      })),
    });
  });

  return routes;
}
