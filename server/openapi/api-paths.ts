/** The operations of the API, for `GET /api/openapi.json`. */

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const object = (properties: Record<string, Schema>) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
});
const ok = (description: string, schema: Schema) => ({ description, content: json(schema) });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const UNAUTHENTICATED = { 401: error('Not signed in, or the embed token is not valid.') };
const FORBIDDEN = { 403: error('Wrong role, or the X-CSRF-Token of a cookie-authenticated write is missing.') };
const NOT_FOUND = { 404: error('Unknown, or not yours: the same answer either way.') };
const INVALID = {
  400: error('Malformed JSON (`invalid_json`) or request (`invalid_request`).'),
  413: error('The body is over the size limit.'),
  415: error('The body is not application/json.'),
};
const id = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const application = object({ application: ref('Application') });
const officeApplication = object({ application: ref('OfficeApplication') });

/** The paths object; the submission body lists each form's data schema. */
export function apiPaths(formDataRefs: readonly Schema[]): Record<string, unknown> {
  return {
    '/api/session': {
      post: {
        summary: 'Sign in (member: 医籍登録番号; office: e.g. otaru-office). Sets the mamis_session cookie.',
        security: [],
        requestBody: {
          required: true,
          content: json(object({ login: { type: 'string' }, password: { type: 'string' } })),
        },
        responses: {
          200: ok('Signed in; a new session.', ref('Session')),
          401: error('Wrong login or password (the same message for both).'),
          429: error('Locked for 15 minutes after 5 failures in a row; see Retry-After.'),
          ...INVALID,
        },
      },
      get: {
        summary: 'The signed-in account and its CSRF token.',
        responses: { 200: ok('Signed in.', ref('Session')), ...UNAUTHENTICATED },
      },
      delete: {
        summary: 'Sign out: the session ends on the server.',
        responses: { 204: { description: 'Signed out.' }, ...FORBIDDEN },
      },
    },
    '/api/forms': {
      get: {
        summary: 'The published forms (current versions).',
        responses: {
          200: ok('The forms.', object({ forms: { type: 'array', items: ref('FormSummary') } })),
          ...UNAUTHENTICATED,
        },
      },
    },
    '/api/forms/{id}': {
      get: {
        summary:
          "The current definition with the option sources resolved for the caller (the member's groups and layers).",
        parameters: [id('id', 'Form id, e.g. withdrawal.')],
        responses: { 200: ok('The form.', ref('FormResponse')), ...UNAUTHENTICATED, ...NOT_FOUND },
      },
    },
    '/api/forms/{id}/versions/{version}/validator.js': {
      get: {
        summary: 'The precompiled validator of a form version, as an ES module (public, immutable).',
        security: [],
        parameters: [
          id('id', 'Form id.'),
          { name: 'version', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        responses: {
          200: { description: 'The module.', content: { 'text/javascript': { schema: { type: 'string' } } } },
          ...NOT_FOUND,
        },
      },
    },
    '/api/forms/{id}/submissions': {
      post: {
        summary: 'File an application (members). Re-validated on the server with the sources of this member.',
        parameters: [
          id('id', 'Form id.'),
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: 200 },
            description: 'The same key again returns the same application (200) and creates nothing.',
          },
        ],
        requestBody: {
          required: true,
          content: json(
            object({
              version: { type: 'integer' },
              data: formDataRefs.length > 0 ? { oneOf: formDataRefs } : { type: 'object' },
            }),
          ),
        },
        responses: {
          201: ok('Filed: the application with one status per association.', application),
          200: ok('The same Idempotency-Key again: the application it created.', application),
          409: error('`open_application_exists` or `form_version_outdated`.'),
          422: error("Field errors, in the member's language."),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
          ...INVALID,
        },
      },
    },
    '/api/me': {
      get: {
        summary: 'マイページ header: name, 医籍登録番号, membership length.',
        responses: { 200: ok('The member.', object({ member: ref('Member') })), ...UNAUTHENTICATED, ...FORBIDDEN },
      },
    },
    '/api/me/history': {
      get: {
        summary: '医師会入退会履歴.',
        responses: {
          200: ok('The history.', object({ history: { type: 'array', items: ref('HistoryEntry') } })),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
        },
      },
    },
    '/api/me/applications': {
      get: {
        summary: "申請ステータス: the member's applications, newest first.",
        responses: {
          200: ok('The applications.', object({ applications: { type: 'array', items: ref('Application') } })),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
        },
      },
    },
    '/api/me/applications/{id}': {
      get: {
        summary: "One of the member's applications.",
        parameters: [id('id', 'Application id.')],
        responses: { 200: ok('The application.', application), ...UNAUTHENTICATED, ...FORBIDDEN, ...NOT_FOUND },
      },
      patch: {
        summary:
          "修正: new data, re-validated with the application's own form version; while no association has started its review.",
        parameters: [id('id', 'Application id.')],
        requestBody: { required: true, content: json(object({ data: { type: 'object' } })) },
        responses: {
          200: ok('Edited.', application),
          409: error('`not_editable` or `open_application_exists`.'),
          422: error('Field errors.'),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
          ...INVALID,
        },
      },
      delete: {
        summary:
          '削除: withdraw the application (every target becomes 取下げ); while no association has started its review.',
        parameters: [id('id', 'Application id.')],
        responses: {
          200: ok('Withdrawn.', application),
          409: error('`not_editable`.'),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
        },
      },
    },
    '/api/me/drafts/{formId}': {
      get: {
        summary: "The member's draft of a form.",
        parameters: [id('formId', 'Form id.')],
        responses: {
          200: ok('The draft.', object({ draft: ref('Draft') })),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
        },
      },
      put: {
        summary: 'Save the draft (not validated beyond its shape; size-limited).',
        parameters: [id('formId', 'Form id.')],
        requestBody: {
          required: true,
          content: json(object({ version: { type: 'integer' }, stepId: { type: 'string' }, data: { type: 'object' } })),
        },
        responses: {
          200: ok('Saved.', object({ draft: ref('Draft') })),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
          ...INVALID,
        },
      },
      delete: {
        summary: 'Discard the draft.',
        parameters: [id('formId', 'Form id.')],
        responses: { 204: { description: 'Gone.' }, ...UNAUTHENTICATED, ...FORBIDDEN },
      },
    },
    '/api/office/applications': {
      get: {
        summary: "Applications that target this office's association, newest first (keyset pagination).",
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: { type: 'string', enum: ['submitted', 'in_review', 'approved', 'returned', 'withdrawn'] },
            description: "Of this office's target.",
          },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          200: ok(
            'One page.',
            object({
              applications: { type: 'array', items: ref('OfficeApplicationSummary') },
              nextCursor: { oneOf: [{ type: 'string' }, { type: 'null' }] },
            }),
          ),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          400: error('A bad status, cursor or limit.'),
        },
      },
    },
    '/api/office/applications/{id}': {
      get: {
        summary: 'One application that targets this office.',
        parameters: [id('id', 'Application id.')],
        responses: { 200: ok('The application.', officeApplication), ...UNAUTHENTICATED, ...FORBIDDEN, ...NOT_FOUND },
      },
    },
    '/api/office/applications/{id}/decision': {
      post: {
        summary:
          "Decide this office's target: review (申請 → 申請中), approve (承認) or return (差戻し, comment required).",
        parameters: [id('id', 'Application id.')],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['decision'],
            properties: {
              decision: { type: 'string', enum: ['review', 'approve', 'return'] },
              comment: { type: 'string', maxLength: 1000 },
            },
          }),
        },
        responses: {
          200: ok('Decided.', officeApplication),
          409: error('`transition_not_allowed` (e.g. approving an approved target) or `membership_not_current`.'),
          422: error('`return` without a comment, or an unknown decision.'),
          ...UNAUTHENTICATED,
          ...FORBIDDEN,
          ...NOT_FOUND,
          ...INVALID,
        },
      },
    },
    '/api/staff/form-versions': {
      get: {
        summary: 'Every published form version with its hash (staff).',
        responses: { 200: { description: 'The versions.' }, ...UNAUTHENTICATED, ...FORBIDDEN },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document.', security: [], responses: { 200: { description: 'OpenAPI 3.1.' } } },
    },
  };
}
