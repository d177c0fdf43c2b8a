import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { memberIdOf, principalOf } from '../auth/authenticate.js';
import { NotFoundError } from '../errors/app-errors.js';
import { readJsonObject } from '../http/read-json.js';
import { requestLocale } from '../http/request-locale.js';
import { calendarDay } from '../runtime/clock.js';
import { editApplication, withdrawApplication } from '../store/member-changes.js';
import { prepareSubmission } from '../store/prepare-submission.js';
import { memberApplicationView, memberApplicationViews } from '../store/read-applications.js';
import { readSubmitter } from '../store/submitter.js';

/**
 * The 申請ステータス panel and its actions: list, one application, 修正 (`PATCH`) and 削除
 * (`DELETE`). Members only: app.ts guards `/api/me/*`.
 */
export function meApplicationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/me/applications', async (c) => {
    return c.json({ applications: await memberApplicationViews(db, memberIdOf(c)) });
  });

  routes.get('/me/applications/:id', async (c) => {
    return c.json({ application: await memberApplicationView(db, memberIdOf(c), c.req.param('id')) });
  });

  routes.patch('/me/applications/:id', async (c) => {
    const memberId = memberIdOf(c);
    const body = await readJsonObject(c, { keys: ['data'] });
    const current = await memberApplicationView(db, memberId, c.req.param('id'));
    // Re-validated against the version it was filed with, not today's form.
    const form = await formOf(deps, current.formId, current.formVersion);
    const prepared = await prepareSubmission(db, form, body.data, {
      memberId,
      submitter: await readSubmitter(db, memberId),
      locale: requestLocale(c),
      today: calendarDay(clock.now()),
    });
    await editApplication(
      deps,
      { applicationId: current.id, memberId, actorAccountId: principalOf(c).accountId, form },
      prepared,
    );
    return c.json({ application: await memberApplicationView(db, memberId, current.id) });
  });

  routes.delete('/me/applications/:id', async (c) => {
    const memberId = memberIdOf(c);
    const current = await memberApplicationView(db, memberId, c.req.param('id'));
    const form = await formOf(deps, current.formId, current.formVersion);
    await withdrawApplication(deps, {
      applicationId: current.id,
      memberId,
      actorAccountId: principalOf(c).accountId,
      form,
    });
    return c.json({ application: await memberApplicationView(db, memberId, current.id) });
  });

  return routes;
}

async function formOf(deps: AppDeps, formId: string, version: number) {
  const entry = await deps.catalog.version(formId, version);
  if (!entry) throw new NotFoundError();
  return entry.form;
}
