import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../server/support/api-client.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';
import { reportFigures } from './support/figures.js';
import { fingerprint } from './support/table-fingerprint.js';

/**
 * Who is asking. Member A (新宿 花子) has the applications; member B (港 健一) is another member;
 * the target office is A's city association's (新宿区医師会); the other office is 横浜市医師会's.
 */
const PRINCIPALS = ['anonymous', 'memberA', 'memberB', 'officeTarget', 'officeOther', 'staff'] as const;
type Principal = (typeof PRINCIPALS)[number];
const LOGINS: Readonly<Record<Exclude<Principal, 'anonymous'>, string>> = {
  memberA: '234567',
  memberB: '345678',
  officeTarget: 'shinjuku-office',
  officeOther: 'yokohama-office',
  staff: 'staff',
};

/** What member A typed and owns: none of it may reach anyone but A, A's offices and (for the form) staff. */
const REASON = 'アクセス試験の退会理由';
const SECRETS = ['新宿 花子', 'シンジュク ハナコ', '234567', 'hanako@example.jp', '新宿ファミリークリニック', REASON];

/** Ids the routes name, made in `beforeAll`. */
interface Ids {
  /** A's withdrawal (read, edited, reviewed, approved). */
  withdrawal: string;
  /** A's transfer (withdrawn by A at the end). */
  transfer: string;
  draftHash: string;
  mailPreview: string;
}

type Statuses = readonly [
  anonymous: number,
  memberA: number,
  memberB: number,
  officeTarget: number,
  officeOther: number,
  staff: number,
];

interface Route {
  readonly method: string;
  readonly path: (ids: Ids) => string;
  readonly expect: Statuses;
  readonly body?: (ids: Ids) => unknown;
  /** Posted as an HTML form with the caller's `_csrf`, like the portal's pages. */
  readonly form?: Readonly<Record<string, string>>;
  /** Who may change something through this route: they run last, after every refusal was checked. */
  readonly writers?: readonly Principal[];
}

const WITHDRAWAL_DATA = {
  withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] },
  withdrawalDate: '2026/12/31',
  reason: 'other',
  reasonOther: REASON,
};
const route = (
  method: string,
  path: string | ((ids: Ids) => string),
  expect: Statuses,
  extra: Partial<Route> = {},
): Route => ({
  method,
  path: typeof path === 'string' ? () => path : path,
  expect,
  ...extra,
});

/**
 * Every route × every principal, in the order they run: reads first, then each write where
 * everyone refused goes first and the one allowed last. 303 is the portal sending a visitor
 * to the sign-in page or to their own home.
 */
//                                                                                      anon  A    B    offT offO staff
const MATRIX: readonly (readonly [string, Route])[] = [
  ['session', route('GET', '/api/session', [401, 200, 200, 200, 200, 200])],
  ['form list', route('GET', '/api/forms', [401, 200, 200, 200, 200, 200])],
  ['form', route('GET', '/api/forms/withdrawal', [401, 200, 200, 200, 200, 200])],
  ['validator (public)', route('GET', '/api/forms/withdrawal/versions/1/validator.js', [200, 200, 200, 200, 200, 200])],
  ['openapi (public)', route('GET', '/api/openapi.json', [200, 200, 200, 200, 200, 200])],
  ['マイページ header', route('GET', '/api/me', [401, 200, 200, 403, 403, 403])],
  ['入退会履歴', route('GET', '/api/me/history', [401, 200, 200, 403, 403, 403])],
  ['申請ステータス', route('GET', '/api/me/applications', [401, 200, 200, 403, 403, 403])],
  ['an application', route('GET', (ids) => `/api/me/applications/${ids.withdrawal}`, [401, 200, 404, 403, 403, 403])],
  ['a draft', route('GET', '/api/me/drafts/withdrawal', [401, 200, 404, 403, 403, 403])],
  ['office queue', route('GET', '/api/office/applications', [401, 403, 403, 200, 200, 403])],
  [
    'office application',
    route('GET', (ids) => `/api/office/applications/${ids.withdrawal}`, [401, 403, 403, 200, 404, 403]),
  ],
  ['published versions', route('GET', '/api/staff/form-versions', [401, 403, 403, 403, 403, 200])],
  ['studio forms', route('GET', '/api/staff/forms', [401, 403, 403, 403, 403, 200])],
  ['studio form', route('GET', '/api/staff/forms/withdrawal', [401, 403, 403, 403, 403, 200])],
  ['studio version', route('GET', '/api/staff/forms/withdrawal/versions/1', [401, 403, 403, 403, 403, 200])],
  [
    'studio validator',
    route('GET', (ids) => `/api/staff/drafts/${ids.draftHash}/validator.js`, [401, 403, 403, 403, 403, 200]),
  ],
  [
    'studio mail preview',
    route('GET', (ids) => `/api/staff/mail-previews/${ids.mailPreview}`, [401, 403, 403, 403, 403, 200]),
  ],
  ['page: sign-in', route('GET', '/login', [200, 303, 303, 303, 303, 303])],
  ['page: マイページTOP', route('GET', '/', [303, 200, 200, 303, 303, 303])],
  ['page: a form', route('GET', '/forms/withdrawal', [303, 200, 200, 303, 303, 303])],
  ['page: history', route('GET', '/history', [303, 200, 200, 303, 303, 303])],
  ['page: profile', route('GET', '/profile', [303, 200, 200, 303, 303, 303])],
  ['page: contact', route('GET', '/contact', [303, 200, 200, 303, 303, 303])],
  ['page: notices', route('GET', '/notices', [303, 200, 200, 303, 303, 303])],
  ['page: office queue', route('GET', '/office', [303, 303, 303, 200, 200, 303])],
  [
    'page: office application',
    route('GET', (ids) => `/office/applications/${ids.withdrawal}`, [303, 303, 303, 200, 404, 303]),
  ],
  ['page: studio', route('GET', '/studio', [303, 303, 303, 303, 303, 200])],
  // Writes. Member B's submission names A's group: refused as not B's (422), nothing stored.
  [
    'submit',
    route('POST', '/api/forms/withdrawal/submissions', [401, 409, 422, 403, 403, 403], {
      body: () => ({ version: 1, data: WITHDRAWAL_DATA }),
    }),
  ],
  [
    'save a draft (each their own)',
    route('PUT', '/api/me/drafts/enrollment', [401, 200, 200, 403, 403, 403], {
      body: () => ({ version: 1, stepId: 'affiliation', data: {} }),
      writers: ['memberB', 'memberA'],
    }),
  ],
  [
    'delete a draft (each their own)',
    route('DELETE', '/api/me/drafts/enrollment', [401, 204, 204, 403, 403, 403], { writers: ['memberB', 'memberA'] }),
  ],
  [
    '修正',
    route('PATCH', (ids) => `/api/me/applications/${ids.withdrawal}`, [401, 200, 404, 403, 403, 403], {
      body: () => ({ data: { ...WITHDRAWAL_DATA, withdrawalDate: '2027/01/31' } }),
      writers: ['memberA'],
    }),
  ],
  [
    '削除',
    route('DELETE', (ids) => `/api/me/applications/${ids.transfer}`, [401, 200, 404, 403, 403, 403], {
      writers: ['memberA'],
    }),
  ],
  [
    'office decision',
    route('POST', (ids) => `/api/office/applications/${ids.withdrawal}/decision`, [401, 403, 403, 200, 404, 403], {
      body: () => ({ decision: 'review' }),
      writers: ['officeTarget'],
    }),
  ],
  [
    'page: office decision',
    route('POST', (ids) => `/office/applications/${ids.withdrawal}/decision`, [303, 303, 303, 303, 404, 303], {
      form: { decision: 'approve' },
      writers: ['officeTarget'],
    }),
  ],
  [
    'studio check',
    route('POST', '/api/staff/forms/withdrawal/check', [401, 403, 403, 403, 403, 200], {
      body: () => ({ definition: {} }),
    }),
  ],
  [
    'studio preview',
    route('POST', '/api/staff/forms/withdrawal/preview', [401, 403, 403, 403, 403, 200], {
      body: () => ({ definition: {} }),
    }),
  ],
  [
    'studio publish (stale version)',
    route('POST', '/api/staff/forms/withdrawal/versions', [401, 403, 403, 403, 403, 409], {
      body: () => ({ definition: {}, expectedCurrentVersion: 999 }),
    }),
  ],
];

/** Refused before allowed: a write that succeeds must not change what the refused ones saw. */
function order(entry: Route): readonly Principal[] {
  const writers = entry.writers ?? [];
  return [...PRINCIPALS.filter((principal) => !writers.includes(principal)), ...writers];
}

describe('the access matrix: every route × anonymous, member A, member B, both offices, staff', () => {
  let t: TestApp;
  const clients = {} as Record<Exclude<Principal, 'anonymous'>, ApiClient>;
  const ids = {} as Ids;
  let definition: unknown;
  let cells = 0;
  let leaks = 0;
  const afterCalls: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    t = await createTestApp('postgres');
    for (const [principal, login] of Object.entries(LOGINS)) {
      clients[principal as keyof typeof LOGINS] = await signedIn(t.app, login);
    }
    const a = clients.memberA;
    const withdrawal = await a.post('/api/forms/withdrawal/submissions', { version: 1, data: WITHDRAWAL_DATA });
    const transfer = await a.post('/api/forms/transfer/submissions', {
      version: 1,
      data: {
        leaveFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] },
        transferDate: '2027/01/15',
        reason: 'job-change',
        destinationPrefecture: 'pref-13',
        joinTo: { groupId: 'chain:city-chiyoda', associationIds: ['city-chiyoda'] },
        newFacilityName: '千代田テストクリニック',
      },
    });
    expect([withdrawal.status, transfer.status]).toEqual([201, 201]);
    ids.withdrawal = withdrawal.body.application.id;
    ids.transfer = transfer.body.application.id;
    await a.put('/api/me/drafts/withdrawal', {
      version: 1,
      stepId: 'select',
      data: { reason: 'other', reasonOther: REASON },
    });
    definition = (await clients.staff.get('/api/staff/forms/withdrawal')).body.form.definition;
    const checked = await clients.staff.post('/api/staff/forms/withdrawal/check', { definition });
    ids.draftHash = checked.body.hash.replace(/^sha256:/, '');
    const mail = await clients.staff.post('/api/staff/forms/withdrawal/render-mail', {
      definition,
      template: 'withdrawal/member-submitted',
      member: 'sample',
    });
    ids.mailPreview = mail.body.mail.htmlUrl.split('/').at(-1);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function call(principal: Principal, entry: Route): Promise<Response> {
    const headers = new Headers();
    const client = principal === 'anonymous' ? undefined : clients[principal];
    if (client?.cookie) headers.set('Cookie', client.cookie);
    let body: string | undefined;
    if (entry.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams({ ...entry.form, _csrf: client?.csrfToken ?? '' }).toString();
    } else if (entry.body) {
      headers.set('Content-Type', 'application/json');
      const value = entry.body(ids);
      // The studio's bodies carry the real definition; the others their own.
      body = JSON.stringify(
        value && typeof value === 'object' && 'definition' in value ? { ...value, definition } : value,
      );
    }
    if (client?.csrfToken && entry.method !== 'GET' && !entry.form) headers.set('X-CSRF-Token', client.csrfToken);
    return t.app.request(entry.path(ids), { method: entry.method, headers, ...(body === undefined ? {} : { body }) });
  }

  for (const [name, entry] of MATRIX) {
    it(`${name}: ${entry.method} ${entry.path({ withdrawal: ':id', transfer: ':id', draftHash: ':hash', mailPreview: ':id' })} → ${entry.expect.join(' ')}`, async () => {
      const before = entry.method === 'GET' ? undefined : await fingerprint(t.database.db);
      if (before && !entry.writers) {
        // No one may change anything here (or the allowed call is refused by state): check at the end.
        afterCalls.push(async () => expect(await fingerprint(t.database.db)).toEqual(before));
      }
      const writers = entry.writers ?? [];
      for (const principal of order(entry)) {
        const expected = entry.expect[PRINCIPALS.indexOf(principal)];
        // Every refused caller has run: nothing may have changed, in any table.
        if (before && principal === (writers[0] ?? 'none')) {
          expect(await fingerprint(t.database.db), 'a refused request changed the database').toEqual(before);
        }
        const response = await call(principal, entry);
        const text = await response.text();
        cells++;
        expect(response.status, `${principal}: ${text.slice(0, 300)}`).toBe(expected);
        // Only A, A's own office and (seeing the studio's sample, not A) staff may see A's data.
        if (principal !== 'memberA' && principal !== 'officeTarget') {
          const leaked = SECRETS.filter((secret) => text.includes(secret));
          if (leaked.length > 0) leaks++;
          expect(leaked, `${principal} saw member A's data`).toEqual([]);
        }
        if (response.status === 403 || response.status === 404) {
          // A refusal says what happened in words, and nothing about what exists.
          if (response.headers.get('Content-Type')?.includes('json')) {
            const { error } = JSON.parse(text) as { error: { code: string; message: string } };
            expect(['forbidden', 'not_found', 'csrf_token_invalid']).toContain(error.code);
            expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
          }
        }
        if (response.status === 303) {
          const location = response.headers.get('Location') ?? '';
          expect(location, principal).toMatch(
            principal === 'anonymous' ? /^\/login/ : /^\/(?:office|studio|login)?(?:[?/]|$)/,
          );
        }
      }
      for (const check of afterCalls.splice(0)) await check();
    });
  }

  it("member B's and the other office's lists do not name A's applications", async () => {
    const list = await clients.memberB.get('/api/me/applications');
    expect(JSON.stringify(list.body)).not.toContain(ids.withdrawal);
    const queue = await clients.officeOther.get('/api/office/applications');
    expect(JSON.stringify(queue.body)).not.toContain(ids.withdrawal);
    const page = await (await call('officeOther', route('GET', '/office', [0, 0, 0, 0, 0, 0]))).text();
    expect(page).not.toContain(ids.withdrawal);
  });

  it('reports the figures', async () => {
    await reportFigures('access-matrix', { routes: MATRIX.length, principals: PRINCIPALS.length, cells, leaks });
    expect(leaks).toBe(0);
  });

  it.todo(
    "studio previews fill forms as any member by 医籍登録番号 (POST …/preview { member: '234567' }): staff read a real member's groups and name",
  );
  it.todo('/dev/mail (the mail folder, when there is no MAIL_URL) lists every mail to every signed-in account');
});
