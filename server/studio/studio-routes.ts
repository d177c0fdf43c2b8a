import { Hono } from 'hono';
import type { DefinitionIssue } from '../../engine/index.js';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { principalOf } from '../auth/authenticate.js';
import { BadRequestError, NotFoundError } from '../errors/app-errors.js';
import { definitionHash, projectFolders } from '../forms/index.js';
import { readJsonObject } from '../http/read-json.js';
import { requestLocale } from '../http/request-locale.js';
import { calendarDay } from '../runtime/clock.js';
import { checkDraft, type DraftCheck, slowPatternIssue } from './check-draft.js';
import { definitionShapeIssue } from './definition-limits.js';
import { DraftCache } from './draft-cache.js';
import { MAIL_PREVIEW_CSP, MailPreviews } from './mail-previews.js';
import { PatternGuard } from './pattern-guard.js';
import { previewDraft } from './preview-draft.js';
import { publishFormVersion } from './publish-form-version.js';
import { renderDraftMail } from './render-draft-mail.js';
import { StudioFiles } from './studio-files.js';
import {
  dataOf,
  dayOf,
  definitionOf,
  localeOf,
  optionalString,
  positiveIntegerOf,
  requiredString,
} from './studio-request.js';
import { DEMO_MEMBER, SAMPLE_MEMBER, type TestMember, testMember, testMembers } from './test-members.js';

export interface StudioOptions {
  /** The templates and examples; by default the folders of the app's config (or the project's). */
  readonly files?: StudioFiles;
  readonly guard?: PatternGuard;
}

/** Where a checked draft's validator module is served (staff only, like everything here). */
export function draftValidatorUrl(hash: string): string {
  return `/api/staff/drafts/${hexOf(hash)}/validator.js`;
}

/**
 * The form studio's API: staff pick a form, check a draft of its definition as the server would
 * at start, preview it with test data, render its mails, and publish it as the next version.
 * Under `/api/staff/*`, which app.ts restricts to the staff role (writes need the CSRF token).
 */
export function studioRoutes(deps: AppDeps, options: StudioOptions = {}): Hono<AppEnv> {
  const { db, catalog, clock, config } = deps;
  const project = projectFolders();
  const files =
    options.files ??
    new StudioFiles({
      formsDir: config.formsDir ?? project.formsDir,
      templatesDir: config.templatesDir ?? project.templatesDir,
    });
  const guard = options.guard ?? new PatternGuard({ probeLength: config.bodyLimitBytes });
  const drafts = new DraftCache();
  const mailPreviews = new MailPreviews();
  const routes = new Hono<AppEnv>();

  /** The full check, once per distinct draft: a draft that passed is kept compiled by its hash. */
  async function check(formId: string, definition: unknown): Promise<DraftCheck> {
    const shape = definitionShapeIssue(formId, `studio:${formId}`, definition);
    if (shape) return { ok: false, issues: [shape] };
    const hash = definitionHash(definition);
    const cached = drafts.get(hexOf(hash));
    // The same content under another form's id fails that form's id check: check it afresh.
    if (cached && cached.id === formId) return { ok: true, form: cached, hash, issues: [] };
    const checked = await checkDraft({ formId, definition, files, guard });
    if (checked.ok) drafts.put(hexOf(checked.hash), checked.form);
    return checked;
  }

  async function memberOf(body: Record<string, unknown>): Promise<TestMember> {
    const asked = optionalString(body, 'member', 40);
    const member =
      (await testMember(db, asked ?? DEMO_MEMBER)) ?? (asked ? undefined : await testMember(db, SAMPLE_MEMBER));
    if (!member) {
      throw new BadRequestError('invalid_request', {
        ja: `医籍登録番号「${asked}」の会員はいません。テスト会員を選び直してください。`,
        en: `No member has the registration number "${asked}". Choose another test member.`,
      });
    }
    return member;
  }

  routes.get('/staff/forms', async (c) => {
    const rows = await versionRows(deps);
    const forms = [];
    for (const [id, versions] of groupBy(rows, (row) => row.formId)) {
      const currentVersion = versions[0]!.version;
      const entry = await catalog.version(id, currentVersion);
      forms.push({ id, title: entry?.form.definition.title ?? { ja: id, en: id }, currentVersion, versions });
    }
    return c.json({ forms });
  });

  routes.get('/staff/forms/:id', async (c) => {
    const id = c.req.param('id');
    const entry = await catalog.current(id);
    if (!entry) throw new NotFoundError();
    const { form, hash } = entry;
    const [versions, examples, available, members] = await Promise.all([
      versionRows(deps, id),
      files.examples(id),
      files.templateNames(),
      testMembers(db),
    ]);
    return c.json({
      form: { id: form.id, version: form.version, hash, definition: form.definition },
      versions,
      examples,
      templates: {
        used: [...new Set((form.definition.mail ?? []).map((hook) => hook.template))],
        available: [...available].sort(),
      },
      testMembers: members,
      today: calendarDay(clock.now()),
    });
  });

  routes.get('/staff/forms/:id/versions/:version', async (c) => {
    const version = c.req.param('version');
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new NotFoundError();
    const row = await db
      .selectFrom('form_versions')
      .select(['version', 'hash', 'definition', 'published_at', 'published_by'])
      .where('form_id', '=', c.req.param('id'))
      .where('version', '=', Number(version))
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    return c.json({
      version: row.version,
      hash: row.hash,
      publishedAt: row.published_at.toISOString(),
      publishedBy: row.published_by,
      definition: row.definition,
    });
  });

  routes.post('/staff/forms/:id/check', async (c) => {
    const body = await readJsonObject(c);
    const checked = await check(c.req.param('id'), definitionOf(body));
    if (!checked.ok) return c.json({ issues: checked.issues });
    return c.json({ issues: [], hash: checked.hash, validatorUrl: draftValidatorUrl(checked.hash) });
  });

  routes.get('/staff/drafts/:hash/validator.js', (c) => {
    const hash = c.req.param('hash');
    const module = /^[0-9a-f]{64}$/.test(hash) ? drafts.validatorModule(hash) : undefined;
    if (module === undefined) throw new NotFoundError();
    // Content-addressed, so it never changes; but only staff may read it, so only their browser keeps it.
    return c.body(module, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
  });

  routes.post('/staff/forms/:id/preview', async (c) => {
    const formId = c.req.param('id');
    const body = await readJsonObject(c);
    const checked = await check(formId, definitionOf(body));
    if (!checked.ok) return c.json({ issues: checked.issues, errors: [], value: null, confirmView: null });
    const stepId = optionalString(body, 'stepId', 100);
    if (stepId !== undefined && !checked.form.steps.some((step) => step.id === stepId)) {
      throw new BadRequestError('invalid_request', {
        ja: `ステップ「${stepId}」はこの定義にありません`,
        en: `The definition has no step "${stepId}"`,
      });
    }
    const member = await memberOf(body);
    const result = await previewDraft(checked.form, dataOf(body) ?? {}, {
      locale: localeOf(body),
      today: dayOf(body, 'today') ?? calendarDay(clock.now()),
      sources: member.sources,
      stepId,
      guard,
    });
    if ('slow' in result) {
      const issues: DefinitionIssue[] = [slowPatternIssue(formId, result.slow)];
      return c.json({ issues, errors: [], value: null, confirmView: null });
    }
    return c.json({
      issues: [],
      hash: checked.hash,
      validatorUrl: draftValidatorUrl(checked.hash),
      errors: result.errors,
      value: result.value,
      confirmView: result.confirmView,
    });
  });

  routes.post('/staff/forms/:id/render-mail', async (c) => {
    const formId = c.req.param('id');
    const body = await readJsonObject(c);
    const checked = await check(formId, definitionOf(body));
    if (!checked.ok) return c.json({ issues: checked.issues, mail: null });
    const template = requiredString(body, 'template');
    const member = await memberOf(body);
    const mail = renderDraftMail(checked.form, {
      template,
      locale: localeOf(body),
      data: dataOf(body),
      sources: member.sources,
      today: dayOf(body, 'today') ?? calendarDay(clock.now()),
      memberName: member.name,
      templates: await files.mailTemplates(),
    });
    if (!mail) {
      throw new BadRequestError('invalid_request', {
        ja: `この定義の mail はテンプレート「${template}」を使っていません`,
        en: `No mail hook of this definition uses the template "${template}"`,
      });
    }
    const { hook, rendered } = mail;
    return c.json({
      issues: [],
      mail: {
        hook,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        htmlUrl: `/api/staff/mail-previews/${mailPreviews.put(rendered.html)}`,
      },
    });
  });

  routes.get('/staff/mail-previews/:id', (c) => {
    const html = mailPreviews.get(c.req.param('id'));
    if (html === undefined) throw new NotFoundError();
    return c.body(html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': MAIL_PREVIEW_CSP,
    });
  });

  routes.post('/staff/forms/:id/versions', async (c) => {
    const formId = c.req.param('id');
    const body = await readJsonObject(c);
    const principal = principalOf(c);
    const account = await db
      .selectFrom('accounts')
      .select('login')
      .where('id', '=', principal.accountId)
      .executeTakeFirst();
    const outcome = await publishFormVersion(db, catalog, {
      formId,
      definition: definitionOf(body),
      expectedCurrentVersion: positiveIntegerOf(body, 'expectedCurrentVersion'),
      publishedBy: account?.login ?? principal.accountId,
      files,
      guard,
    });
    const locale = requestLocale(c);
    switch (outcome.kind) {
      case 'unknown-form':
        throw new NotFoundError();
      case 'conflict': {
        const message = {
          ja: `このフォームは他の人がバージョン${outcome.currentVersion}を公開しました。最新の定義を読み込んでから、変更をやり直してください。`,
          en: `Someone else published version ${outcome.currentVersion} of this form. Load the latest definition and make the change again.`,
        };
        return c.json(
          {
            error: { code: 'form_version_outdated', message: message[locale] },
            currentVersion: outcome.currentVersion,
          },
          409,
        );
      }
      case 'rejected': {
        const message = {
          ja: '定義にチェックを通らない箇所があるため公開できません',
          en: 'The definition does not pass its check and cannot be published',
        };
        return c.json({ error: { code: 'validation_failed', message: message[locale] }, issues: outcome.issues }, 422);
      }
      case 'published':
        return c.json(
          {
            formId,
            version: outcome.version,
            hash: outcome.hash,
            publishedAt: outcome.publishedAt.toISOString(),
            publishedBy: outcome.publishedBy,
          },
          201,
        );
      default: {
        const exhaustive: never = outcome;
        return exhaustive;
      }
    }
  });

  return routes;
}

interface VersionRow {
  readonly formId: string;
  readonly version: number;
  readonly hash: string;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
}

/** Every published version (of one form), newest first. */
async function versionRows(deps: AppDeps, formId?: string): Promise<VersionRow[]> {
  let query = deps.db
    .selectFrom('form_versions')
    .select(['form_id', 'version', 'hash', 'published_at', 'published_by'])
    .orderBy('form_id')
    .orderBy('version', 'desc');
  if (formId !== undefined) query = query.where('form_id', '=', formId);
  const rows = await query.execute();
  return rows.map((row) => ({
    formId: row.form_id,
    version: row.version,
    hash: row.hash,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(item);
  }
  return groups;
}

function hexOf(hash: string): string {
  return hash.replace(/^sha256:/, '');
}
