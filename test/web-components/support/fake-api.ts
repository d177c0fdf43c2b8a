import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CompiledForm,
  type ConfirmView,
  deriveConfirmView,
  type Locale,
  type ResolvedSources,
  validateSubmission,
} from '../../../engine/index.js';
import { MEMBER_HISTORY } from './fixtures.js';

const CSRF = 'csrf-token-for-tests';

const STATUS_LABELS = {
  submitted: { ja: '申請', en: 'Submitted' },
  in_review: { ja: '申請中', en: 'In review' },
  approved: { ja: '承認', en: 'Approved' },
  returned: { ja: '差戻し', en: 'Returned' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
} as const;

type TargetStatus = keyof typeof STATUS_LABELS;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

interface StoredApplication {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: { ja: string; en: string };
  status: 'open' | 'complete' | 'withdrawn';
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  facility: { ja: string; en: string } | null;
  confirmView: ConfirmView;
  targets: {
    associationId: string;
    name: { ja: string; en: string };
    layer: number;
    role: 'leave' | 'join';
    status: TargetStatus;
    statusLabel: { ja: string; en: string };
    comment: string | null;
  }[];
  data: Record<string, unknown>;
  idempotencyKey: string;
}

/**
 * A stand-in for the server's HTTP API, faithful to its contract (shapes, CSRF, idempotency,
 * 422 with field pointers), so the components can be tested before and apart from the server.
 * It validates submissions with the engine, as the server does. Tests read `requests` and may
 * set `submissionDelay` or `nextSubmissionFailure`.
 */
export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  readonly drafts = new Map<
    string,
    { formId: string; version: number; stepId: string; data: unknown; updatedAt: string }
  >();
  readonly applications: StoredApplication[] = [];
  submissionDelay = 0;
  nextSubmissionFailure: { status: number; body: unknown } | undefined;
  #ids = 0;

  constructor(
    private readonly forms: ReadonlyMap<string, { form: CompiledForm; validator: string }>,
    private readonly sources: ResolvedSources,
    private readonly today: string,
  ) {}

  /** Forgets everything stored and recorded, for the next test. */
  reset(): void {
    this.requests.length = 0;
    this.drafts.clear();
    this.applications.length = 0;
    this.submissionDelay = 0;
    this.nextSubmissionFailure = undefined;
    this.#ids = 0;
  }

  requestsTo(method: string, pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
  }

  // Handlers answer with `return send(…)`; their return types are left to inference.
  async handle(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    const body = raw === '' ? undefined : JSON.parse(raw);
    this.requests.push({ method, path: url.pathname, headers: request.headers, body });
    const locale: Locale = String(request.headers['accept-language'] ?? 'ja').startsWith('en') ? 'en' : 'ja';
    if (method !== 'GET' && request.headers['x-csrf-token'] !== CSRF) {
      return send(response, 403, { error: { code: 'csrf', message: 'CSRF token missing or wrong.' } });
    }
    const path = url.pathname;
    let match: RegExpExecArray | null;
    if (path === '/api/session') return send(response, 200, { account: { id: 'member-1' }, csrfToken: CSRF });
    if ((match = /^\/api\/forms\/([\w-]+)$/.exec(path))) return this.#form(response, match[1]!);
    if ((match = /^\/api\/forms\/([\w-]+)\/versions\/(\d+)\/validator\.js$/.exec(path))) {
      const entry = this.forms.get(match[1]!);
      response.writeHead(entry ? 200 : 404, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(entry?.validator ?? '');
      return;
    }
    if ((match = /^\/api\/forms\/([\w-]+)\/submissions$/.exec(path)) && method === 'POST') {
      return this.#submit(response, match[1]!, body, String(request.headers['idempotency-key'] ?? ''), locale);
    }
    if (path === '/api/me/applications') return send(response, 200, { applications: this.applications.map(view) });
    if ((match = /^\/api\/me\/applications\/([\w-]+)$/.exec(path)))
      return this.#application(response, method, match[1]!);
    if (path === '/api/me/history') return send(response, 200, { history: MEMBER_HISTORY });
    if ((match = /^\/api\/me\/drafts\/([\w-]+)$/.exec(path))) return this.#draft(response, method, match[1]!, body);
    send(response, 404, { error: { code: 'not-found', message: 'Not found.' } });
  }

  #form(response: ServerResponse, id: string) {
    const entry = this.forms.get(id);
    if (!entry) return send(response, 404, { error: { code: 'not-found', message: 'No such form.' } });
    const { definition } = entry.form;
    send(response, 200, {
      form: { id, version: definition.version, hash: `sha256:${id}`, definition },
      validatorUrl: `/api/forms/${id}/versions/${definition.version}/validator.js`,
      sources: this.sources,
      today: this.today,
    });
  }

  async #submit(response: ServerResponse, formId: string, body: unknown, key: string, locale: Locale): Promise<void> {
    if (this.submissionDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.submissionDelay));
    const failure = this.nextSubmissionFailure;
    if (failure) {
      this.nextSubmissionFailure = undefined;
      return send(response, failure.status, failure.body);
    }
    const { status, body: answer } = this.fileApplication(
      formId,
      (body as { data?: unknown } | undefined)?.data,
      key,
      locale,
    );
    send(response, status, answer);
  }

  /** Files an application as `POST /api/forms/:id/submissions` does; tests also use it to seed one. */
  fileApplication(
    formId: string,
    data: unknown,
    key: string,
    locale: Locale = 'ja',
  ): { status: number; body: unknown } {
    const entry = this.forms.get(formId);
    if (!entry) return { status: 404, body: { error: { code: 'not-found', message: 'No such form.' } } };
    if (key === '')
      return { status: 400, body: { error: { code: 'idempotency-key', message: 'Idempotency-Key missing.' } } };
    const repeated = this.applications.find((application) => application.idempotencyKey === key);
    if (repeated) return { status: 201, body: { application: view(repeated) } };
    const result = validateSubmission(entry.form, data, { today: this.today, locale, sources: this.sources });
    if (!result.ok) {
      const fields = result.errors.map(({ pointer, message }) => ({ pointer, message }));
      const message = locale === 'ja' ? '入力内容に誤りがあります' : 'The application has errors';
      return { status: 422, body: { error: { code: 'invalid', message, fields } } };
    }
    const confirmView = deriveConfirmView(entry.form, result.value, this.sources);
    const targetsRow = confirmView.sections.flatMap((section) => section.rows).filter((row) => row.kind === 'targets');
    const now = new Date().toISOString();
    const application: StoredApplication = {
      id: `app-${++this.#ids}`,
      formId,
      formVersion: entry.form.version,
      formTitle: { ...entry.form.definition.title },
      status: 'open',
      editable: true,
      createdAt: now,
      updatedAt: now,
      facility: targetsRow.find((row) => row.facility)?.facility ?? null,
      confirmView,
      targets: targetsRow.flatMap((row) =>
        row.targets.map((target) => ({
          associationId: target.id,
          name: { ...target.name },
          layer: target.layer,
          role: row.role ?? 'leave',
          status: 'submitted' as const,
          statusLabel: STATUS_LABELS.submitted,
          comment: null,
        })),
      ),
      data: result.value,
      idempotencyKey: key,
    };
    this.applications.push(application);
    return { status: 201, body: { application: view(application) } };
  }

  /** Moves one target of an application on, as an association office would. */
  setTargetStatus(applicationId: string, associationId: string, status: TargetStatus, comment: string | null = null) {
    const target = this.applications
      .find((application) => application.id === applicationId)
      ?.targets.find((candidate) => candidate.associationId === associationId);
    if (!target) throw new Error(`no target ${associationId} on ${applicationId}`);
    Object.assign(target, { status, statusLabel: STATUS_LABELS[status], comment });
  }

  #application(response: ServerResponse, method: string, id: string) {
    const application = this.applications.find((candidate) => candidate.id === id);
    if (!application) return send(response, 404, { error: { code: 'not-found', message: 'No such application.' } });
    if (method === 'DELETE') {
      application.status = 'withdrawn';
      application.editable = false;
      for (const target of application.targets)
        Object.assign(target, { status: 'withdrawn', statusLabel: STATUS_LABELS.withdrawn });
      return send(response, 200, { application: view(application) });
    }
    send(response, 200, { application: view(application) });
  }

  #draft(response: ServerResponse, method: string, formId: string, body: unknown) {
    const draft = this.drafts.get(formId);
    if (method === 'GET') {
      return draft
        ? send(response, 200, { draft })
        : send(response, 404, { error: { code: 'not-found', message: 'No draft.' } });
    }
    if (method === 'DELETE') {
      this.drafts.delete(formId);
      response.writeHead(204);
      response.end();
      return;
    }
    const { version, stepId, data } = body as { version: number; stepId: string; data: unknown };
    const saved = { formId, version, stepId, data, updatedAt: new Date().toISOString() };
    this.drafts.set(formId, saved);
    send(response, 200, { draft: saved });
  }
}

function view(application: StoredApplication) {
  const { idempotencyKey: _key, ...rest } = application;
  return rest;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
