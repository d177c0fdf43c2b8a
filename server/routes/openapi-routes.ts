import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { type DocumentedForm, openApiDocument } from '../openapi/openapi-document.js';

/** `GET /api/openapi.json`: public, describes every route and each current form's data. */
export function openApiRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/openapi.json', async (c) => {
    const forms: DocumentedForm[] = [];
    for (const [id, version] of await deps.catalog.currentVersions()) {
      const entry = await deps.catalog.version(id, version);
      if (entry) forms.push({ id, version, title: entry.form.definition.title, dataSchema: entry.form.dataSchema });
    }
    return c.json(openApiDocument(forms));
  });
  return routes;
}
