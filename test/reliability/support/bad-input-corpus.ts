import fc from 'fast-check';
import {
  type BadRequest,
  badRequestsFor,
  type JsonRoute,
  STRANGE_KEYS,
  withoutKeyAt,
  withValueAt,
} from './bad-requests.js';

/** Ids the corpus aims at: member A's open application, and member B's, which A must never reach. */
export interface CorpusTargets {
  readonly applicationOfA: string;
  readonly applicationOfB: string;
  /** The withdrawal form as the studio edits it: a real definition to send wrong bodies around. */
  readonly definition: unknown;
  /** The sign-in page's double-submit token, valid for the anonymous caller's cookie. */
  readonly loginToken: string;
  /** The target office's session CSRF token, which its page forms carry. */
  readonly officeCsrf: string;
}

/** 日医 太郎's second group: free of applications, so an accidentally valid body would show (201). */
const CHIYODA = { groupId: 'group-123456-chiyoda', associationIds: ['city-chiyoda'] };
const WITHDRAWAL = { withdrawFrom: CHIYODA, withdrawalDate: '2026/12/31', reason: 'retirement' };
const AOYAGI = { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru'] };

const IMPOSSIBLE_DATES = [
  '2024/02/30',
  '2023/02/29',
  '2026/02/29',
  '2027/04/31',
  '2026/13/01',
  '2026/00/10',
  '2026/12/32',
  '9999/99/99',
  '0000/00/00',
  '2027-02-30',
  '31/12/2026',
  '2026/12/31T00:00',
  '２０２６/１２/３１/',
  '',
];
const PAST_DATES = ['2020/01/01', '2026/11/24', '1900/01/01'];
const WRONG_VALUE = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const NOT_AN_INTEGER = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.double({ noInteger: true }),
  fc.constant(null),
  fc.boolean(),
  fc.constant([1]),
  fc.constant({ v: 1 }),
);

/** What is wrong with withdrawal data in ways the form's own rules catch (422). */
function wrongWithdrawalData(valid: Record<string, unknown>) {
  return fc.oneof(
    fc.constantFrom('withdrawFrom', 'withdrawalDate', 'reason').map((key) => ({
      defect: 'missing field',
      data: withoutKeyAt(valid, [key]),
    })),
    fc.tuple(fc.constantFrom('withdrawFrom', 'withdrawalDate', 'reason'), WRONG_VALUE).map(([key, value]) => ({
      defect: 'wrong type',
      data: withValueAt(valid, [key], value),
    })),
    WRONG_VALUE.map((value) => ({ defect: 'wrong type', data: { ...valid, reason: 'other', reasonOther: value } })),
    fc.tuple(fc.constantFrom('groupId', 'associationIds'), WRONG_VALUE).map(([key, value]) => ({
      defect: 'wrong type',
      data: withValueAt(valid, ['withdrawFrom', key], value),
    })),
    fc
      .string({ maxLength: 12 })
      .filter((reason) => !['retirement', 'death', 'other'].includes(reason))
      .map((reason) => ({
        defect: 'value outside the choices',
        data: withValueAt(valid, ['reason'], reason),
      })),
    fc
      .constantFrom(...IMPOSSIBLE_DATES)
      .map((date) => ({ defect: 'impossible date', data: withValueAt(valid, ['withdrawalDate'], date) })),
    fc
      .constantFrom(...PAST_DATES)
      .map((date) => ({ defect: 'date in the past', data: withValueAt(valid, ['withdrawalDate'], date) })),
    fc.integer({ min: 51, max: 3000 }).map((length) => ({
      defect: 'oversized string',
      data: { ...valid, reason: 'other', reasonOther: 'あ'.repeat(length) },
    })),
    fc
      .constantFrom(
        { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] },
        { groupId: 'group-345678-yokohama', associationIds: ['city-yokohama'] },
        { groupId: 'group-123456-sapporo', associationIds: ['city-sapporo'] },
        { groupId: 'no-such-group', associationIds: ['city-otaru'] },
      )
      .map((withdrawFrom) => ({ defect: "another member's group", data: { ...valid, withdrawFrom } })),
    fc
      .constantFrom(
        ['city-kobe'],
        ['pref-28'],
        ['city-otaru'],
        ['jma'],
        ['no-such-association'],
        ['city-chiyoda', 'no-such-association'],
        [],
      )
      .map((associationIds) => ({
        defect: 'association outside the group',
        data: { ...valid, withdrawFrom: { groupId: CHIYODA.groupId, associationIds } },
      })),
    fc
      .tuple(
        STRANGE_KEYS.filter((key) => !['withdrawFrom', 'withdrawalDate', 'reason', 'reasonOther'].includes(key)),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .map(([key, value]) => ({ defect: 'unknown field', data: withValueAt(valid, [key], value) })),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => ({
      defect: '__proto__/constructor key',
      data: withValueAt(valid, ['withdrawFrom', key], { polluted: true, toString: 'x' }),
    })),
  );
}

/** The wrong requests to every route of the API and the portal's forms, each with its expected statuses. */
export function badInputCorpus(targets: CorpusTargets): fc.Arbitrary<BadRequest> {
  const submission: JsonRoute = {
    method: 'POST',
    path: '/api/forms/withdrawal/submissions',
    as: 'memberA',
    valid: { version: 1, data: WITHDRAWAL },
    strict: true,
    csrf: true,
    textPaths: [
      ['data', 'withdrawalDate'],
      ['data', 'withdrawFrom', 'groupId'],
      ['data', 'reasonOther'],
    ],
    semantic: fc.oneof(
      wrongWithdrawalData(WITHDRAWAL).map(({ defect, data }) => ({
        defect,
        body: { version: 1, data },
        expect: [422],
      })),
      NOT_AN_INTEGER.map((version) => ({ defect: 'wrong type', body: { version, data: WITHDRAWAL }, expect: [400] })),
      fc
        .integer()
        .filter((version) => version !== 1)
        .map((version) => ({ defect: 'outdated version', body: { version, data: WITHDRAWAL }, expect: [409] })),
      fc.constantFrom('version', 'data').map((key) => ({
        defect: 'missing field',
        body: withoutKeyAt({ version: 1, data: WITHDRAWAL }, [key]),
        expect: [400, 422],
      })),
    ),
  };
  const edit: JsonRoute = {
    method: 'PATCH',
    path: `/api/me/applications/${targets.applicationOfA}`,
    as: 'memberA',
    valid: { data: { ...WITHDRAWAL, withdrawFrom: AOYAGI } },
    strict: true,
    csrf: true,
    textPaths: [
      ['data', 'withdrawalDate'],
      ['data', 'reasonOther'],
    ],
    semantic: wrongWithdrawalData({ ...WITHDRAWAL, withdrawFrom: AOYAGI })
      .filter(({ defect }) => defect !== 'association outside the group')
      .map(({ defect, data }) => ({ defect, body: { data }, expect: [422] })),
  };
  const draft: JsonRoute = {
    method: 'PUT',
    path: '/api/me/drafts/withdrawal',
    as: 'memberA',
    valid: { version: 1, stepId: 'select', data: { reason: 'death' } },
    strict: true,
    csrf: true,
    textPaths: [['stepId'], ['data', 'reason']],
    semantic: fc.oneof(
      fc.oneof(NOT_AN_INTEGER, fc.constantFrom(0, -1, 1e300, 2 ** 31)).map((version) => ({
        defect: 'wrong type',
        body: { version, stepId: 'select', data: {} },
        expect: [400],
      })),
      fc.oneof(WRONG_VALUE, fc.constantFrom('', 'x'.repeat(65))).map((stepId) => ({
        defect: 'wrong type',
        body: { version: 1, stepId, data: {} },
        expect: [400],
      })),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([])).map((data) => ({
        defect: 'wrong type',
        body: { version: 1, stepId: 'select', data },
        expect: [400],
      })),
    ),
  };
  const decision: JsonRoute = {
    method: 'POST',
    path: `/api/office/applications/${targets.applicationOfA}/decision`,
    as: 'officeTarget',
    valid: { decision: 'review', comment: 'ご確認ください' },
    strict: true,
    csrf: true,
    textPaths: [['comment']],
    semantic: fc.oneof(
      fc
        .oneof(
          fc.string({ maxLength: 10 }).filter((d) => !['review', 'approve', 'return'].includes(d)),
          WRONG_VALUE,
        )
        .map((value) => ({
          defect: 'value outside the choices',
          body: { decision: value, comment: 'x' },
          expect: [422],
        })),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({})).map((comment) => ({
        defect: 'wrong type',
        body: { decision: 'review', comment },
        expect: [422],
      })),
      fc.integer({ min: 1001, max: 5000 }).map((length) => ({
        defect: 'oversized string',
        body: { decision: 'review', comment: 'コ'.repeat(length) },
        expect: [422],
      })),
      fc.constantFrom(undefined, null, '', '   ').map((comment) => ({
        defect: 'missing field',
        body: { decision: 'return', ...(comment === undefined ? {} : { comment }) },
        expect: [422],
      })),
    ),
  };
  const signIn: JsonRoute = {
    method: 'POST',
    path: '/api/session',
    as: 'anonymous',
    // A login nobody has: wrong ones must not even count a failure against a real account.
    valid: { login: 'no-such-login', password: 'x' },
    strict: true,
    csrf: false,
    textPaths: [['login'], ['password']],
    semantic: fc.oneof(
      fc.tuple(fc.constantFrom('login', 'password'), WRONG_VALUE).map(([key, value]) => ({
        defect: 'wrong type',
        body: withValueAt({ login: 'no-such-login', password: 'x' }, [key], value),
        expect: [400],
      })),
      fc.constantFrom('login', 'password').map((key) => ({
        defect: 'missing field',
        body: withoutKeyAt({ login: 'no-such-login', password: 'x' }, [key]),
        expect: [400],
      })),
      fc
        .constantFrom({ login: 'x'.repeat(201), password: 'x' }, { login: 'nobody', password: 'x'.repeat(1025) })
        .map((body) => ({
          defect: 'oversized string',
          body,
          expect: [400],
        })),
      fc.string({ minLength: 1, maxLength: 30 }).map((login) => ({
        defect: 'unknown login',
        body: { login: `no-such-${login}`, password: 'demo1234' },
        expect: [400, 401],
      })),
    ),
  };
  const studio = (path: string, valid: Record<string, unknown>): JsonRoute => ({
    method: 'POST',
    path,
    as: 'staff',
    valid,
    strict: false,
    csrf: true,
    textPaths: [['definition', 'title', 'ja']],
  });

  return fc.oneof(
    { weight: 6, arbitrary: badRequestsFor(submission) },
    { weight: 3, arbitrary: badRequestsFor(edit) },
    { weight: 2, arbitrary: badRequestsFor(draft) },
    { weight: 3, arbitrary: badRequestsFor(decision) },
    { weight: 2, arbitrary: badRequestsFor(signIn) },
    {
      weight: 1,
      arbitrary: badRequestsFor(studio('/api/staff/forms/withdrawal/check', { definition: targets.definition })),
    },
    {
      weight: 1,
      arbitrary: badRequestsFor(
        studio('/api/staff/forms/withdrawal/versions', { definition: targets.definition, expectedCurrentVersion: 1 }),
      ),
    },
    { weight: 4, arbitrary: foreignRequests(targets) },
    { weight: 3, arbitrary: urlRequests(targets) },
    { weight: 2, arbitrary: pageRequests(targets) },
  );
}

/** Well-formed requests for what is not the caller's: other members' applications, other associations'. */
function foreignRequests(targets: CorpusTargets): fc.Arbitrary<BadRequest> {
  const json = { 'Content-Type': 'application/json' };
  return fc.constantFrom<BadRequest>(
    {
      defect: "another member's id",
      method: 'GET',
      path: `/api/me/applications/${targets.applicationOfB}`,
      as: 'memberA',
      expect: [404],
    },
    {
      defect: "another member's id",
      method: 'DELETE',
      path: `/api/me/applications/${targets.applicationOfB}`,
      as: 'memberA',
      expect: [404],
    },
    {
      defect: "another member's id",
      method: 'PATCH',
      path: `/api/me/applications/${targets.applicationOfA}`,
      as: 'memberB',
      headers: json,
      body: JSON.stringify({ data: { ...WITHDRAWAL, withdrawFrom: AOYAGI } }),
      expect: [404],
    },
    {
      defect: "another member's id",
      method: 'DELETE',
      path: `/api/me/applications/${targets.applicationOfA}`,
      as: 'memberB',
      expect: [404],
    },
    {
      defect: 'association outside the caller',
      method: 'GET',
      path: `/api/office/applications/${targets.applicationOfB}`,
      as: 'officeTarget',
      expect: [404],
    },
    {
      defect: 'association outside the caller',
      method: 'POST',
      path: `/api/office/applications/${targets.applicationOfA}/decision`,
      as: 'officeOther',
      headers: json,
      body: JSON.stringify({ decision: 'approve' }),
      expect: [404],
    },
    {
      defect: 'wrong role',
      method: 'POST',
      path: `/api/office/applications/${targets.applicationOfA}/decision`,
      as: 'memberA',
      headers: json,
      body: JSON.stringify({ decision: 'approve' }),
      expect: [403],
    },
    {
      defect: 'wrong role',
      method: 'POST',
      path: '/api/forms/withdrawal/submissions',
      as: 'officeTarget',
      headers: json,
      body: JSON.stringify({ version: 1, data: WITHDRAWAL }),
      expect: [403],
    },
    {
      defect: 'not signed in',
      method: 'POST',
      path: '/api/forms/withdrawal/submissions',
      as: 'anonymous',
      headers: json,
      body: JSON.stringify({ version: 1, data: WITHDRAWAL }),
      expect: [401],
    },
    { defect: 'no CSRF token', method: 'DELETE', path: '/api/session', as: 'memberA', csrf: 'missing', expect: [403] },
    {
      defect: 'no CSRF token',
      method: 'DELETE',
      path: '/api/me/drafts/withdrawal',
      as: 'memberA',
      csrf: 'wrong',
      expect: [403],
    },
  );
}

/** Wrong ids, queries, headers and control characters in the URL. */
function urlRequests(targets: CorpusTargets): fc.Arbitrary<BadRequest> {
  const id = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
      fc.uuid(),
      fc.constantFrom('id-000001x', `${targets.applicationOfA}x`, 'a%2Fb', '%E3%81', '%ED%A0%80', 'x'.repeat(2000)),
    )
    // Dot segments are resolved by the URL itself, and control characters have their own defect.
    .filter((value) => !/^(?:\.|%2e){1,2}$/i.test(value) && !/%(?:[01][0-9a-f]|7f)/i.test(value));
  const control = fc.integer({ min: 0, max: 31 }).map((code) => `%${code.toString(16).padStart(2, '0')}`);
  const cursor = fc
    .oneof(
      fc.string({ maxLength: 30 }),
      fc
        .oneof(
          fc.tuple(fc.constant('2026-11-25T00:00:00Z'), fc.constantFrom<unknown>('a\u0000b', '\u0007', 5, null)),
          fc.tuple(
            fc.constantFrom('-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '0001-01-01T00:00:00Z', 'x', ''),
            fc.string(),
          ),
        )
        .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
    )
    .map(encodeURIComponent);
  const submissionHeaders = (key: string) => ({ 'Content-Type': 'application/json', 'Idempotency-Key': key });
  return fc.oneof(
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/me/applications/${value}`,
        as: 'memberA',
        expect: [404],
      }),
    ),
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/office/applications/${value}`,
        as: 'officeTarget',
        expect: [404],
      }),
    ),
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/forms/${value}`,
        as: 'memberA',
        expect: [404],
      }),
    ),
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/me/drafts/${value}`,
        as: 'memberA',
        expect: [404],
      }),
    ),
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/staff/forms/${value}`,
        as: 'staff',
        expect: [404],
      }),
    ),
    id.map(
      (value): BadRequest => ({
        defect: 'unknown id',
        method: 'PUT',
        path: `/api/me/drafts/${value}`,
        as: 'memberA',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: 1, stepId: 'select', data: {} }),
        expect: [404],
      }),
    ),
    fc.oneof(id, fc.constantFrom('0', '-1', '1.0', '01', '9999999999', '1e3')).map(
      (version): BadRequest => ({
        defect: 'unknown id',
        method: 'GET',
        path: `/api/forms/withdrawal/versions/${version}/validator.js`,
        as: 'anonymous',
        expect: [404],
      }),
    ),
    fc
      .oneof(
        fc
          .string({ maxLength: 12 })
          .filter((s) => !['submitted', 'in_review', 'approved', 'returned', 'withdrawn'].includes(s))
          .map((s) => `status=${encodeURIComponent(s)}`),
        fc.constantFrom('0', '101', '-1', '1.5', 'abc', '1e2', '', '１０').map((s) => `limit=${encodeURIComponent(s)}`),
        cursor.map((value) => `cursor=${value}`),
      )
      .filter((query) => query !== 'cursor=')
      .map(
        (query): BadRequest => ({
          defect: 'bad query',
          method: 'GET',
          path: `/api/office/applications?${query}`,
          as: 'officeTarget',
          expect: [400],
        }),
      ),
    fc
      .tuple(
        fc.constantFrom(
          `/api/me/applications/`,
          '/api/forms/',
          '/api/office/applications/',
          '/office/applications/',
          '/forms/',
        ),
        control,
      )
      .map(
        ([prefix, code]): BadRequest => ({
          defect: 'control character in the URL',
          method: 'GET',
          path: `${prefix}a${code}b`,
          as: prefix.startsWith('/api/office') || prefix.startsWith('/office') ? 'officeTarget' : 'memberA',
          expect: [400],
        }),
      ),
    fc.constantFrom('', 'x'.repeat(201), 'a b', 'cl\u00e9', '\u00ff').map(
      (key): BadRequest => ({
        defect: 'bad Idempotency-Key',
        method: 'POST',
        path: '/api/forms/withdrawal/submissions',
        as: 'memberA',
        headers: submissionHeaders(key),
        body: JSON.stringify({ version: 1, data: WITHDRAWAL }),
        expect: [400],
      }),
    ),
  );
}

/** The portal's own forms: sign-in and an office's decision, posted as HTML forms. */
function pageRequests(targets: CorpusTargets): fc.Arbitrary<BadRequest> {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const unsafe = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f');
  const decisionPath = `/office/applications/${targets.applicationOfA}/decision`;
  return fc.oneof(
    fc.string({ maxLength: 20 }).map(
      (token): BadRequest => ({
        defect: 'no CSRF token',
        method: 'POST',
        path: '/login',
        as: 'anonymous',
        headers: form,
        body: encode({ _csrf: token, login: '123456', password: 'demo1234' }),
        expect: [403],
      }),
    ),
    unsafe.map(
      (character): BadRequest => ({
        defect: 'control character or broken surrogate',
        method: 'POST',
        path: '/login',
        as: 'anonymous',
        headers: { ...form, Cookie: `mamis_login_csrf=${targets.loginToken}` },
        body: encode({ _csrf: targets.loginToken, login: `no${character}one`, password: 'x' }),
        expect: [401],
      }),
    ),
    fc.integer({ min: 33 * 1024, max: 100 * 1024 }).map(
      (size): BadRequest => ({
        defect: 'oversized body',
        method: 'POST',
        path: '/login',
        as: 'anonymous',
        headers: form,
        body: encode({ login: 'x'.repeat(size), password: 'x' }),
        expect: [413],
      }),
    ),
    fc.string({ maxLength: 20 }).map(
      (token): BadRequest => ({
        defect: 'no CSRF token',
        method: 'POST',
        path: decisionPath,
        as: 'officeTarget',
        headers: form,
        body: encode({ _csrf: token, decision: 'approve' }),
        expect: [403],
      }),
    ),
    fc.tuple(unsafe, fc.constantFrom('review', 'return')).map(
      ([character, decision]): BadRequest => ({
        defect: 'control character or broken surrogate',
        method: 'POST',
        path: decisionPath,
        as: 'officeTarget',
        headers: form,
        body: encode({ _csrf: targets.officeCsrf, decision, comment: `理由${character}` }),
        expect: [422],
      }),
    ),
    fc
      .string({ maxLength: 10 })
      .filter((d) => !['review', 'approve', 'return'].includes(d))
      .map(
        (decision): BadRequest => ({
          defect: 'value outside the choices',
          method: 'POST',
          path: decisionPath,
          as: 'officeTarget',
          headers: form,
          body: encode({ _csrf: targets.officeCsrf, decision }),
          expect: [422],
        }),
      ),
  );
}
