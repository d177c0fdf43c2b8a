import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { memberIdOf } from '../auth/authenticate.js';
import { BadRequestError, NotFoundError } from '../errors/app-errors.js';
import { readJsonObject } from '../http/read-json.js';
import { deleteDraft, findDraft, saveDraft } from '../store/drafts.js';

/**
 * The member's draft of a form (`/api/me/drafts/:formId`). Not validated beyond its shape: a
 * draft is half-filled by nature; the body limit keeps it small. Members only: app.ts guards `/api/me/*`.
 */
export function draftRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, catalog, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/me/drafts/:formId', async (c) => {
    const draft = await findDraft(db, memberIdOf(c), c.req.param('formId'));
    if (!draft) throw new NotFoundError();
    return c.json({ draft });
  });

  routes.put('/me/drafts/:formId', async (c) => {
    const memberId = memberIdOf(c);
    const formId = c.req.param('formId');
    const body = await readJsonObject(c, { keys: ['version', 'stepId', 'data'] });
    const { version, stepId, data } = body;
    if (
      !isVersionNumber(version) ||
      typeof stepId !== 'string' ||
      stepId.length === 0 ||
      stepId.length > 64 ||
      typeof data !== 'object' ||
      data === null ||
      Array.isArray(data)
    ) {
      throw new BadRequestError('invalid_request', {
        ja: '下書きには version（1 以上の整数）、stepId（64 文字以内の文字列）、data（オブジェクト）が必要です',
        en: 'A draft needs version (a whole number from 1), stepId (a string of up to 64 characters) and data (an object)',
      });
    }
    if (!(await catalog.current(formId))) throw new NotFoundError();
    const draft = await saveDraft(
      db,
      memberId,
      { formId, version: version as number, stepId, data: data as Record<string, unknown> },
      clock.now(),
    );
    return c.json({ draft });
  });

  routes.delete('/me/drafts/:formId', async (c) => {
    await deleteDraft(db, memberIdOf(c), c.req.param('formId'));
    return c.body(null, 204);
  });

  return routes;
}

/** A form version as stored (a PostgreSQL integer): 1 and up; 1e300 is an integer to JavaScript, not to the database. */
function isVersionNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647;
}
