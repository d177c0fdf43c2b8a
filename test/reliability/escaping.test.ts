import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { AppEnv } from '../../server/app-env.js';
import { hashPassword } from '../../server/auth/password-hash.js';
import { seedDemoData } from '../../server/db/seed/index.js';
import { projectFolders } from '../../server/forms/index.js';
import {
  createApplicationMailer,
  drainMailOutbox,
  folderTransport,
  loadMailTemplates,
} from '../../server/mail/index.js';
import { syncFormVersions } from '../../server/store/form-versions.js';
import { type ApiClient, signedIn } from '../server/support/api-client.js';
import { testClock } from '../server/support/test-clock.js';
import { projectForms } from '../server/support/test-forms.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/** Markup that must only ever show as text, and a template that must never be evaluated. */
const SCRIPT = `<script>alert(1)</script>&"'`;
const TEMPLATE = `{{constructor.constructor('x')()}}{{7*7}}`;
const BOTH = `${SCRIPT}${TEMPLATE}`;
/** What a page or an HTML mail may show of them: escaped markup, the braces as typed. */
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
const TEMPLATE_PREFIX = '{{constructor.constructor(';

describe('what members and offices type is escaped wherever it appears, and never run as a template', () => {
  let database: TestDatabase;
  let app: Hono<AppEnv>;
  let mailDir: string;
  const ids: Record<string, string> = {};
  const clients: Record<string, ApiClient> = {};
  const clock = testClock();

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await seedDemoData(database.db, { hashPassword: (password) => hashPassword(password, { N: 1024, r: 8, p: 1 }) });
    const forms = await projectForms();
    await syncFormVersions(database.db, forms);
    let next = 0;
    // The real mailer: the project's Handlebars templates, rendered into the outbox.
    const mailer = createApplicationMailer({
      templates: await loadMailTemplates(projectFolders().templatesDir),
      newId: () => `mail-${++next}`,
      portalUrl: 'https://portal.example.jp',
      clock,
    });
    mailDir = await mkdtemp(path.join(tmpdir(), 'mamis-escaping-'));
    app = createApp({ db: database.db, forms, mailer, clock, config: { mailFolder: mailDir }, logError: () => {} });
    for (const login of [
      '123456',
      '234567',
      '345678',
      '567890',
      'shinjuku-office',
      'sapporo-office',
      'yokohama-office',
    ]) {
      clients[login] = await signedIn(app, login);
    }
    const file = async (login: string, form: string, data: Record<string, unknown>) => {
      const response = await clients[login]!.post(`/api/forms/${form}/submissions`, { version: 1, data });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.application.id as string;
    };
    // Every free-text field of the three forms.
    ids.withdrawalScript = await file('234567', 'withdrawal', {
      withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] },
      withdrawalDate: '2026/12/31',
      reason: 'other',
      reasonOther: SCRIPT,
    });
    ids.withdrawalTemplate = await file('345678', 'withdrawal', {
      withdrawFrom: { groupId: 'group-345678-yokohama', associationIds: ['city-yokohama'] },
      withdrawalDate: '2026/12/31',
      reason: 'other',
      reasonOther: TEMPLATE,
    });
    ids.enrollment = await file('567890', 'enrollment', {
      facilityName: BOTH,
      facilityAddress: BOTH,
      prefecture: 'pref-01',
      joinTo: { groupId: 'chain:city-sapporo', associationIds: ['city-sapporo'] },
      memberClass: 'B',
      enrollmentDate: '2027/04/01',
      previousMembership: 'yes',
      previousAssociation: TEMPLATE,
      message: `${BOTH}\n${BOTH}`,
    });
    ids.transfer = await file('123456', 'transfer', {
      leaveFrom: { groupId: 'group-123456-aoyagi', associationIds: ['city-otaru'] },
      transferDate: '2027/01/15',
      reason: 'other',
      reasonOther: SCRIPT,
      destinationPrefecture: 'pref-01',
      joinTo: { groupId: 'chain:city-sapporo', associationIds: ['city-sapporo'] },
      newFacilityName: BOTH,
    });
    // And an office's comment, which goes back to the member.
    const returned = await clients['shinjuku-office']!.post(
      `/api/office/applications/${ids.withdrawalScript}/decision`,
      {
        decision: 'return',
        comment: `${BOTH}\n${BOTH}`,
      },
    );
    expect(returned.status).toBe(200);
    await drainMailOutbox({ db: database.db, transport: folderTransport({ dir: mailDir }), clock, onEvent: () => {} });
  });
  afterAll(async () => {
    await database?.dispose();
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  it('keeps the texts as typed in the API’s JSON (JSON is not HTML)', async () => {
    const enrollment = await clients['567890']!.get(`/api/me/applications/${ids.enrollment}`);
    expect(enrollment.headers.get('Content-Type')).toMatch(/^application\/json/);
    const text = JSON.stringify(enrollment.body);
    expect(text).toContain(JSON.stringify(BOTH).slice(1, -1));
    const returned = await clients['234567']!.get(`/api/me/applications/${ids.withdrawalScript}`);
    expect(JSON.stringify(returned.body)).toContain(JSON.stringify(SCRIPT).slice(1, -1));
  });

  it('escapes them on the office pages and the member pages', async () => {
    const pages: [string, string][] = [
      ['shinjuku-office', '/office'],
      ['shinjuku-office', '/office?status=returned'],
      ['shinjuku-office', `/office/applications/${ids.withdrawalScript}`],
      ['yokohama-office', `/office/applications/${ids.withdrawalTemplate}`],
      ['sapporo-office', '/office'],
      ['sapporo-office', `/office/applications/${ids.enrollment}`],
      ['sapporo-office', `/office/applications/${ids.transfer}`],
      ['567890', '/'],
      ['234567', '/'],
      ['123456', '/'],
      ['567890', '/history'],
    ];
    let shown = 0;
    for (const [login, pathname] of pages) {
      const response = await app.request(pathname, { headers: { Cookie: clients[login]!.cookie! } });
      const html = await response.text();
      expect(response.status, `${login} ${pathname}`).toBe(200);
      expect(html, pathname).not.toContain('<script>alert');
      expect(html, pathname).not.toMatch(/>\s*49\s*</);
      if (html.includes(ESCAPED_SCRIPT)) shown++;
      if (html.includes(TEMPLATE_PREFIX)) expect(html).not.toContain(`{{7*7}}49`);
    }
    // The office's view of each application shows what was typed, as text.
    const detail = await (
      await app.request(`/office/applications/${ids.enrollment}`, {
        headers: { Cookie: clients['sapporo-office']!.cookie! },
      })
    ).text();
    expect(detail).toContain(ESCAPED_SCRIPT);
    expect(detail).toContain(TEMPLATE_PREFIX);
    expect(shown).toBeGreaterThan(2);
  });

  it('escapes them in every HTML mail and keeps them verbatim in every text mail, never evaluated', async () => {
    const mails = await database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
    // Submissions: member + each office; the return: the member.
    expect(mails.length).toBeGreaterThanOrEqual(9);
    let withText = 0;
    for (const mail of mails) {
      const where = `${mail.template} to ${mail.to_address}`;
      expect(mail.html_body, where).not.toContain('<script>alert');
      expect(mail.html_body, where).not.toContain('{{7*7}}49');
      if (mail.text_body.includes(SCRIPT) || mail.text_body.includes(TEMPLATE)) {
        withText++;
        // In the HTML part the same text is there, escaped.
        expect(mail.html_body, where).toMatch(
          /&lt;script&gt;alert\(1\)&lt;\/script&gt;|\{\{constructor\.constructor\(/,
        );
      }
      // A template in the data stays braces: Handlebars compiled the template, not the data.
      expect(mail.text_body, where).not.toMatch(/\bfunction\b|\[object /);
    }
    expect(withText).toBeGreaterThan(0);
    const returnedMail = mails.find((mail) => mail.event === 'returned');
    expect(returnedMail?.text_body).toContain(BOTH);
  });

  it('writes .eml files whose HTML part is escaped and whose text part is verbatim', async () => {
    const files = (await readdir(mailDir)).filter((name) => name.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    let verbatim = 0;
    for (const name of files) {
      const parsed = await simpleParser(await readFile(path.join(mailDir, name)));
      const html = typeof parsed.html === 'string' ? parsed.html : '';
      expect(html, name).not.toContain('<script>alert');
      if (parsed.text?.includes(SCRIPT) || parsed.text?.includes(TEMPLATE)) verbatim++;
    }
    expect(verbatim).toBeGreaterThan(0);
  });

  it('shows the sent mail as text in the portal’s mail folder pages', async () => {
    const cookie = clients['234567']!.cookie!;
    const list = await (await app.request('/dev/mail', { headers: { Cookie: cookie } })).text();
    expect(list).not.toContain('<script>alert');
    for (const name of (await readdir(mailDir)).filter((file) => file.endsWith('.eml'))) {
      const page = await app.request(`/dev/mail/${name}`, { headers: { Cookie: cookie } });
      expect(await page.text(), name).not.toContain('<script>alert');
      const htmlPart = await app.request(`/dev/mail/${name}/html`, { headers: { Cookie: cookie } });
      if (htmlPart.status === 200) {
        expect(await htmlPart.text(), name).not.toContain('<script>alert');
        // Shown in a sandbox with no script, even if escaping ever failed.
        expect(htmlPart.headers.get('Content-Security-Policy')).toMatch(/sandbox/);
      }
    }
  });
});
