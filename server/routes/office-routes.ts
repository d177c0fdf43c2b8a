import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { principalOf } from '../auth/authenticate.js';
import { BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import { readJsonObject } from '../http/read-json.js';
import { DECISIONS, type Decision, decideTarget } from '../store/decide-target.js';
import { officeQueue } from '../store/office-queue.js';
import { officeApplicationView } from '../store/read-applications.js';
import { isTargetStatus } from '../store/status-labels.js';

const MAX_COMMENT = 1000;

/**
 * An association office's queue and decisions, limited to applications that target its own
 * association. Offices only: app.ts guards `/api/office/*`.
 */
export function officeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, catalog } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/office/applications', async (c) => {
    const associationId = officeOf(c);
    const status = c.req.query('status');
    if (status !== undefined && !isTargetStatus(status)) throw invalidQuery('status');
    const limitText = c.req.query('limit') ?? '20';
    const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= 100)) throw invalidQuery('limit');
    const cursor = c.req.query('cursor') || undefined;
    return c.json(await officeQueue(db, { associationId, status, cursor, limit }));
  });

  routes.get('/office/applications/:id', async (c) => {
    return c.json({ application: await officeApplicationView(db, officeOf(c), c.req.param('id')) });
  });

  routes.post('/office/applications/:id/decision', async (c) => {
    const associationId = officeOf(c);
    const id = c.req.param('id');
    const body = await readJsonObject(c, { keys: ['decision', 'comment'] });
    const { decision, comment } = readDecision(body);
    // The office's own target first: another association's application is a 404, not a 409.
    const current = await officeApplicationView(db, associationId, id);
    const entry = await catalog.version(current.formId, current.formVersion);
    if (!entry) throw new NotFoundError();
    await decideTarget(deps, {
      applicationId: id,
      associationId,
      actorAccountId: principalOf(c).accountId,
      decision,
      comment,
      form: entry.form,
    });
    return c.json({ application: await officeApplicationView(db, associationId, id) });
  });

  return routes;
}

function officeOf(c: Parameters<typeof principalOf>[0]): string {
  const associationId = principalOf(c).associationId;
  if (!associationId) throw new ForbiddenError('forbidden');
  return associationId;
}

function readDecision(body: Record<string, unknown>): { decision: Decision; comment: string | null } {
  const decision = body.decision;
  if (!DECISIONS.includes(decision as Decision)) {
    throw new ValidationError([
      {
        pointer: '/decision',
        message: {
          ja: '処理内容（review・approve・return のいずれか）を指定してください',
          en: 'Choose a decision: review, approve or return',
        },
      },
    ]);
  }
  const raw = body.comment;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw new ValidationError([
      { pointer: '/comment', message: { ja: 'コメントは文字列で指定してください', en: 'The comment must be text' } },
    ]);
  }
  const comment = typeof raw === 'string' && raw.trim() !== '' ? raw.normalize('NFC').trim() : null;
  if (comment !== null && comment.length > MAX_COMMENT) {
    throw new ValidationError([
      {
        pointer: '/comment',
        message: {
          ja: `コメントは${MAX_COMMENT}文字以内で入力してください`,
          en: `Keep the comment within ${MAX_COMMENT} characters`,
        },
      },
    ]);
  }
  if (decision === 'return' && comment === null) {
    throw new ValidationError([
      {
        pointer: '/comment',
        message: {
          ja: '差戻しの理由（コメント）を入力してください',
          en: 'Give the reason for returning the application',
        },
      },
    ]);
  }
  return { decision: decision as Decision, comment };
}

function invalidQuery(name: string): BadRequestError {
  return new BadRequestError('invalid_request', {
    ja: `${name} の値が正しくありません`,
    en: `The value of ${name} is not valid`,
  });
}
