/** JSON Schemas (2020-12, as OpenAPI 3.1 uses) of what the API sends and takes. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: 'string' } as const;
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });

const TARGET_STATUS = { type: 'string', enum: ['submitted', 'in_review', 'approved', 'returned', 'withdrawn'] };

/** What every view of an application says, the office list's summary included. */
const APPLICATION_HEADER = {
  id: string,
  formId: string,
  formVersion: { type: 'integer' },
  formTitle: ref('Localized'),
  status: { type: 'string', enum: ['open', 'complete', 'withdrawn'] },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  facility: nullable(ref('Localized')),
};

/** What an office sees beside it: who filed it, and the office's own target. */
const OFFICE_PARTS = {
  member: {
    type: 'object',
    required: ['name', 'registrationNumber'],
    properties: { name: string, registrationNumber: string },
  },
  target: { ...ref('Target'), description: "This office's own target." },
};

export const COMPONENT_SCHEMAS: Readonly<Record<string, object>> = {
  Localized: {
    type: 'object',
    description: 'A text in every locale, Japanese first.',
    required: ['ja', 'en'],
    properties: { ja: string, en: string },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { ...string, description: 'Stable code to branch on, e.g. `validation_failed`.' },
          message: { ...string, description: "In the caller's language (member locale, Accept-Language, ?lang=)." },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['pointer', 'message'],
              properties: {
                pointer: { ...string, description: 'JSON pointer into the submitted data.' },
                message: string,
              },
            },
          },
        },
      },
    },
  },
  Account: {
    type: 'object',
    required: ['id', 'role', 'name'],
    properties: {
      id: string,
      role: { type: 'string', enum: ['member', 'office', 'staff'] },
      name: string,
      associationId: { ...string, description: "Offices only: the office's association." },
    },
  },
  Session: {
    type: 'object',
    required: ['account', 'csrfToken'],
    properties: {
      account: ref('Account'),
      csrfToken: {
        ...nullable(string),
        description: 'Send as X-CSRF-Token with cookie-authenticated writes; null for bearer.',
      },
    },
  },
  FormSummary: {
    type: 'object',
    required: ['id', 'version', 'title', 'description'],
    properties: {
      id: string,
      version: { type: 'integer' },
      title: ref('Localized'),
      description: nullable(ref('Localized')),
    },
  },
  FormResponse: {
    type: 'object',
    required: ['form', 'validatorUrl', 'sources', 'today'],
    properties: {
      form: {
        type: 'object',
        required: ['id', 'version', 'hash', 'definition'],
        properties: {
          id: string,
          version: { type: 'integer' },
          hash: string,
          definition: { type: 'object', description: 'The form definition (see forms/form-definition.schema.json).' },
        },
      },
      validatorUrl: string,
      sources: { type: 'object', description: 'Option sources resolved for the signed-in member, by source name.' },
      today: { type: 'string', format: 'date', description: 'Today in Asia/Tokyo.' },
    },
  },
  Target: {
    type: 'object',
    required: ['associationId', 'name', 'layer', 'role', 'status', 'statusLabel', 'comment'],
    properties: {
      associationId: string,
      name: ref('Localized'),
      layer: { type: 'integer', enum: [1, 2, 3] },
      role: { type: 'string', enum: ['leave', 'join'] },
      status: TARGET_STATUS,
      statusLabel: { ...ref('Localized'), description: '申請 / 申請中 / 承認 / 差戻し / 取下げ' },
      comment: nullable(string),
    },
  },
  Application: {
    type: 'object',
    required: [...Object.keys(APPLICATION_HEADER), 'editable', 'confirmView', 'targets', 'data'],
    properties: {
      ...APPLICATION_HEADER,
      editable: { type: 'boolean', description: '修正 and 削除 are possible.' },
      confirmView: { type: 'object', description: 'The confirm view the member confirmed (engine ConfirmView).' },
      targets: { type: 'array', items: ref('Target') },
      data: { type: 'object', description: 'The normalised data as stored.' },
    },
  },
  OfficeApplication: {
    allOf: [ref('Application'), { type: 'object', required: Object.keys(OFFICE_PARTS), properties: OFFICE_PARTS }],
  },
  OfficeApplicationSummary: {
    type: 'object',
    description: "One row of an office's list; GET /api/office/applications/{id} has the whole application.",
    required: [...Object.keys(APPLICATION_HEADER), ...Object.keys(OFFICE_PARTS)],
    properties: { ...APPLICATION_HEADER, ...OFFICE_PARTS },
  },
  Member: {
    type: 'object',
    required: ['id', 'name', 'registrationNumber', 'email', 'locale', 'seniority'],
    properties: {
      id: string,
      name: string,
      registrationNumber: { ...string, description: '医籍登録番号' },
      email: string,
      locale: { type: 'string', enum: ['ja', 'en'] },
      seniority: nullable({
        type: 'object',
        required: ['associationName', 'years', 'label'],
        properties: { associationName: ref('Localized'), years: { type: 'integer' }, label: ref('Localized') },
      }),
    },
  },
  HistoryEntry: {
    type: 'object',
    required: ['associationId', 'name', 'layer', 'facility', 'startedOn', 'endedOn'],
    properties: {
      associationId: string,
      name: ref('Localized'),
      layer: { type: 'integer' },
      facility: ref('Localized'),
      startedOn: { type: 'string', format: 'date' },
      endedOn: nullable({ type: 'string', format: 'date' }),
    },
  },
  Draft: {
    type: 'object',
    required: ['formId', 'version', 'stepId', 'data', 'updatedAt'],
    properties: {
      formId: string,
      version: { type: 'integer' },
      stepId: string,
      data: { type: 'object' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
};
