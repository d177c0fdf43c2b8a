import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/app-errors.js';
import { ERROR_MESSAGES } from '../../errors/error-messages.js';
import { DECISIONS, type Decision, decideTarget } from '../../store/decide-target.js';
import { officeApplicationView } from '../../store/read-applications.js';
import { formFields } from '../http/form-fields.js';
import { requirePageCsrf } from '../http/page-csrf.js';
import { pagePrincipal, requirePageRole } from '../http/page-session.js';
import type { PageContext } from '../page-context.js';
import { applicationPage } from './application-page.js';
import { readDecisionForm } from './decision-input.js';
import { queuePage } from './queue-page.js';

/** The office's review: the queue, one application, and its decision (a POST form). */
export function officeRoutes(ctx: PageContext): Hono<AppEnv> {
  const { db, catalog } = ctx.deps;
  const routes = new Hono<AppEnv>();
  routes.use('/office', requirePageRole('office'));
  routes.use('/office/*', requirePageRole('office'));

  routes.get('/office', (c) => queuePage(ctx, c));

  routes.get('/office/applications/:id', (c) => {
    const done = c.req.query('done');
    return applicationPage(ctx, c, { done: DECISIONS.includes(done as Decision) ? (done as Decision) : undefined });
  });

  routes.post('/office/applications/:id/decision', requirePageCsrf(), async (c) => {
    const principal = pagePrincipal(c);
    const associationId = principal.associationId ?? '';
    const id = c.req.param('id');
    const input = readDecisionForm(await formFields(c));
    if (!input.ok) return applicationPage(ctx, c, { error: input.message, comment: input.comment }, 422);
    // The office's own target first: another association's application is a 404.
    const current = await officeApplicationView(db, associationId, id);
    const entry = await catalog.version(current.formId, current.formVersion);
    if (!entry) throw new NotFoundError();
    try {
      await decideTarget(ctx.deps, {
        applicationId: id,
        associationId,
        actorAccountId: principal.accountId,
        decision: input.decision,
        comment: input.comment,
        form: entry.form,
      });
    } catch (error) {
      const comment = input.comment ?? '';
      if (error instanceof ConflictError) {
        return applicationPage(ctx, c, { error: (error.detail ?? ERROR_MESSAGES[error.code]).ja, comment }, 409);
      }
      if (error instanceof ValidationError) {
        return applicationPage(ctx, c, { error: ERROR_MESSAGES.validation_failed.ja, comment }, 422);
      }
      throw error;
    }
    // Post/redirect/get: reloading the page does not decide twice.
    return c.redirect(`/office/applications/${encodeURIComponent(id)}?done=${input.decision}`, 303);
  });

  return routes;
}
