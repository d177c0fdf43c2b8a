import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { principalOf, requireRole } from '../auth/authenticate.js';
import { NotFoundError } from '../errors/app-errors.js';
import { calendarDay } from '../runtime/clock.js';
import { resolveSources, sourceNamesOf } from '../sources/resolve-sources.js';

/** The path of a form version's precompiled validator. */
export function validatorUrl(formId: string, version: number): string {
  return `/api/forms/${encodeURIComponent(formId)}/versions/${version}/validator.js`;
}

/** The published forms, one definition with the caller's sources, and the validator modules. */
export function formRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, catalog, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/forms', requireRole('member', 'office', 'staff'), async (c) => {
    const forms = [];
    for (const [id, version] of await catalog.currentVersions()) {
      const entry = await catalog.version(id, version);
      if (!entry) continue;
      const { title, description } = entry.form.definition;
      forms.push({ id, version, title, description: description ?? null });
    }
    return c.json({ forms });
  });

  routes.get('/forms/:id', requireRole('member', 'office', 'staff'), async (c) => {
    const entry = await catalog.current(c.req.param('id'));
    if (!entry) throw new NotFoundError();
    const { form, hash } = entry;
    // Offices and staff see the form with no groups of their own.
    const sources = await resolveSources(db, principalOf(c).memberId, sourceNamesOf(form));
    return c.json({
      form: { id: form.id, version: form.version, hash, definition: form.definition },
      validatorUrl: validatorUrl(form.id, form.version),
      sources,
      today: calendarDay(clock.now()),
    });
  });

  // Public: a published version's rules hold nothing personal, and never change. Compressed for
  // browsers that accept it (a validator is a few kilobytes: gzip takes two thirds off).
  routes.get('/forms/:id/versions/:version/validator.js', compress(), async (c) => {
    const version = c.req.param('version');
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new NotFoundError();
    const module = await catalog.validatorModule(c.req.param('id'), Number(version));
    if (module === undefined) throw new NotFoundError();
    return c.body(module, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  return routes;
}
