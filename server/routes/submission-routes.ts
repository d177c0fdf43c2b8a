import { type Context, Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { admit, principalOfRequest } from '../auth/authenticate.js';
import { readSessionCookie } from '../auth/session-cookie.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import type { CatalogEntry, FormCatalog } from '../form-catalog/form-catalog.js';
import { readJsonObject } from '../http/read-json.js';
import { requestLocale } from '../http/request-locale.js';
import { calendarDay } from '../runtime/clock.js';
import { prepareSubmission } from '../store/prepare-submission.js';
import { memberApplicationView } from '../store/read-applications.js';
import { submitApplication } from '../store/submit-application.js';
import { readSessionSubmitter, readSubmitter, type SessionSubmitter } from '../store/submitter.js';

/**
 * `POST /api/forms/:id/submissions`: a member files an application. It authenticates its caller
 * itself, so app.ts mounts it before the API's `authenticate`: a session cookie's member is read
 * in the submitter's query (see `signedInSubmitter`).
 */
export function submissionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, catalog, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.post('/forms/:id/submissions', async (c) => {
    const keyHeader = c.req.header('Idempotency-Key');
    const idempotencyKey = idempotencyKeyOf(keyHeader);
    const { principal, memberId, submitter } = await signedInSubmitter(c, deps, idempotencyKey);
    const body = await readJsonObject(c, { keys: ['version', 'data'] });
    // Refused in this order (the caller, the body, then the key), as a route behind requireRole would.
    if (keyHeader !== undefined && idempotencyKey === undefined) throw invalidIdempotencyKey();
    // A retry of a submission that went through gets the same application, whatever changed since.
    const earlier = submitter.keyApplicationId;
    if (earlier) return c.json({ application: await memberApplicationView(db, memberId, earlier) }, 200);

    const entry = await formVersionOf(catalog, c.req.param('id'), body.version);
    const prepared = await prepareSubmission(db, entry.form, body.data, {
      memberId,
      submitter,
      locale: requestLocale(c),
      today: calendarDay(clock.now()),
    });
    const outcome = await submitApplication(deps, {
      form: entry.form,
      memberId,
      submitter,
      actorAccountId: principal.accountId,
      prepared,
      idempotencyKey,
    });
    // A new application's view comes from what was just written; an earlier one is read.
    const application = outcome.view ?? (await memberApplicationView(db, memberId, outcome.applicationId));
    return c.json({ application }, outcome.created ? 201 : 200);
  });

  return routes;
}

/** The largest version `form_versions` can hold (an integer column). */
const MAX_VERSION = 2 ** 31 - 1;

/**
 * The form version a submission names. Validated with the version the member filled in: a
 * member halfway through when staff publish a new one still files, and the application stays
 * pinned to what they saw. Published versions are never withdrawn, so any that exists is
 * accepted; one this server has compiled is found in memory, and a submission costs no query
 * for it. Only a refusal asks for the form's current version: a form never published is 404,
 * data with no version 400, a version never published 409 (a reload brings the current one).
 */
async function formVersionOf(catalog: FormCatalog, formId: string, version: unknown): Promise<CatalogEntry> {
  const isVersion = typeof version === 'number' && Number.isInteger(version);
  if (isVersion && version >= 1 && version <= MAX_VERSION) {
    const entry = await catalog.version(formId, version);
    if (entry) return entry;
  }
  if (!(await catalog.current(formId))) throw new NotFoundError();
  if (!isVersion) {
    throw new BadRequestError('invalid_request', {
      ja: 'version（申請書式のバージョン）を指定してください',
      en: 'Give the version of the form the data was filled in',
    });
  }
  throw new ConflictError('form_version_outdated');
}

/**
 * The member calling, with the submitter record their submission needs. With a session cookie
 * (the portal) one query reads both; a bearer token (an embedding site), or a cookie that query
 * does not find a member's session for, goes through the general authentication, which tells
 * 401 from 403, and the submitter is read after it.
 */
async function signedInSubmitter(
  c: Context<AppEnv>,
  deps: AppDeps,
  idempotencyKey: string | undefined,
): Promise<SessionSubmitter & { readonly memberId: string }> {
  const { db, clock, config } = deps;
  const token = readSessionCookie(c);
  const found =
    token !== undefined && c.req.header('Authorization') === undefined
      ? await readSessionSubmitter(db, token, clock.now(), idempotencyKey)
      : undefined;
  c.set('principal', found?.principal ?? (await principalOfRequest(c, { db, clock, embed: config.embed })));
  const principal = admit(c, ['member']);
  const memberId = principal.memberId;
  if (!memberId) throw new ForbiddenError('forbidden');
  const submitter = found?.submitter ?? (await readSubmitter(db, memberId, idempotencyKey));
  return { principal, memberId, submitter };
}

/** The Idempotency-Key header's key; undefined without one or when it is not valid. */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  const key = header?.trim();
  return key !== undefined && /^[\x21-\x7e]{1,200}$/.test(key) ? key : undefined;
}

function invalidIdempotencyKey(): BadRequestError {
  return new BadRequestError('invalid_request', {
    ja: 'Idempotency-Key ヘッダーの値が正しくありません',
    en: 'The Idempotency-Key header is not valid',
  });
}
