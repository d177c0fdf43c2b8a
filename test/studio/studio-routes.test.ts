import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, ApiClient as Client, signedIn } from '../server/support/api-client.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { manualExample, projectDefinition, withdrawalWithDateLabel } from './support/definitions.js';

/** Every studio route, with a body good enough to get past parsing. */
const STUDIO_ROUTES: readonly { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/staff/forms' },
  { method: 'GET', path: '/api/staff/forms/withdrawal' },
  { method: 'GET', path: '/api/staff/forms/withdrawal/versions/1' },
  { method: 'POST', path: '/api/staff/forms/withdrawal/check', body: { definition: {} } },
  { method: 'POST', path: '/api/staff/forms/withdrawal/preview', body: { definition: {}, data: {} } },
  { method: 'POST', path: '/api/staff/forms/withdrawal/render-mail', body: { definition: {}, template: 'x' } },
  { method: 'POST', path: '/api/staff/forms/withdrawal/versions', body: { definition: {}, expectedCurrentVersion: 1 } },
  { method: 'GET', path: `/api/staff/drafts/${'0'.repeat(64)}/validator.js` },
];

for (const dialect of TEST_DIALECTS) {
  describe(`the form studio's API, on ${dialect}`, () => {
    let t: TestApp;
    let staff: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      staff = await signedIn(t.app, 'staff');
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('answers only staff: 401 anonymous, 403 for members and offices', async () => {
      const member = await signedIn(t.app, '123456');
      const office = await signedIn(t.app, 'otaru-office');
      for (const route of STUDIO_ROUTES) {
        const anonymous = await new Client(t.app).request(route.method, route.path, { body: route.body });
        expect(anonymous.status, `${route.method} ${route.path}`).toBe(401);
        for (const other of [member, office]) {
          const response = await other.request(route.method, route.path, { body: route.body });
          expect(response.status, `${route.method} ${route.path}`).toBe(403);
        }
        const own = await staff.request(route.method, route.path, { body: route.body });
        expect([200, 201, 400, 404, 422], `${route.method} ${route.path}`).toContain(own.status);
      }
    });

    it('refuses a write without the CSRF token', async () => {
      const response = await staff.post(
        '/api/staff/forms/withdrawal/check',
        { definition: projectDefinition('withdrawal') },
        { withoutCsrf: true },
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_token_invalid');
    });

    it('lists every form with its title and published versions', async () => {
      const response = await staff.get('/api/staff/forms');
      expect(response.status).toBe(200);
      const withdrawal = response.body.forms.find((form: { id: string }) => form.id === 'withdrawal');
      expect(withdrawal.title.ja).toBe('退会届');
      expect(withdrawal.currentVersion).toBe(1);
      expect(withdrawal.versions).toEqual([
        expect.objectContaining({ version: 1, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }),
      ]);
      expect(response.body.forms.map((form: { id: string }) => form.id)).toEqual([
        'enrollment',
        'transfer',
        'withdrawal',
      ]);
    });

    it("gives a form's definition, its examples, the templates its hooks use and the test members", async () => {
      const response = await staff.get('/api/staff/forms/withdrawal');
      expect(response.status).toBe(200);
      expect(response.body.form).toMatchObject({ id: 'withdrawal', version: 1 });
      expect(response.body.form.definition.fields.withdrawFrom.confirmLabel.ja).toBe('退会申請先');
      expect(response.body.examples).toEqual([{ name: 'manual', ...manualExample() }]);
      expect(response.body.templates.used).toContain('withdrawal/member-submitted');
      expect(response.body.templates.available).toContain('common/office-submitted');
      expect(response.body.testMembers.map((member: { id: string }) => member.id)).toEqual(['123456', 'sample']);
      const demo = response.body.testMembers[0];
      expect(demo.sources['member.groups'][0].facility.ja).toBe('医療法人社団 青柳皮膚科医院');
      expect(response.body.today).toBe('2026-11-25');
      expect((await staff.get('/api/staff/forms/nothing')).status).toBe(404);
    });

    it('passes the project definition and serves its compiled validator as a module', async () => {
      const response = await staff.post('/api/staff/forms/withdrawal/check', {
        definition: projectDefinition('withdrawal'),
      });
      expect(response.status).toBe(200);
      expect(response.body.issues).toEqual([]);
      expect(response.body.validatorUrl).toMatch(/^\/api\/staff\/drafts\/[0-9a-f]{64}\/validator\.js$/);
      const module = await staff.get(response.body.validatorUrl);
      expect(module.status).toBe(200);
      expect(module.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(module.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
      expect(module.body).toContain('export default function createValidator(require)');
      expect((await staff.get(`/api/staff/drafts/${'0'.repeat(64)}/validator.js`)).status).toBe(404);
    });

    it('names the pointer of a misspelt key, with the fix in Japanese and English', async () => {
      const definition = projectDefinition('withdrawal');
      definition.fields.reasonOther.lable = definition.fields.reasonOther.label;
      delete definition.fields.reasonOther.label;
      const response = await staff.post('/api/staff/forms/withdrawal/check', { definition });
      expect(response.body.validatorUrl).toBeUndefined();
      expect(response.body.issues).toContainEqual(
        expect.objectContaining({
          pointer: '/fields/reasonOther',
          code: 'meta-additionalProperties',
          message: expect.objectContaining({
            ja: expect.stringContaining('lable'),
            en: expect.stringContaining('lable'),
          }),
        }),
      );
    });

    it('reports a mail hook naming a template that does not exist, at its pointer', async () => {
      const definition = projectDefinition('withdrawal');
      definition.mail[0].template = 'withdrawal/member-submited';
      const response = await staff.post('/api/staff/forms/withdrawal/check', { definition });
      expect(response.body.issues).toContainEqual(
        expect.objectContaining({ pointer: '/mail/0/template', code: 'template-missing' }),
      );
    });

    it('refuses a pattern that backtracks for ever on long input, and answers quickly', async () => {
      const definition = projectDefinition('withdrawal');
      // No nested quantifier, so the static rule lets it by; the probes find its worst case.
      definition.schema.properties.reasonOther.pattern = '^(a|a)*$';
      const started = Date.now();
      const response = await staff.post('/api/staff/forms/withdrawal/check', { definition });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.body.issues).toEqual([
        expect.objectContaining({ pointer: '/schema/properties/reasonOther/pattern', code: 'pattern-slow' }),
      ]);
    });

    it('refuses a definition nested deeper than any form, and a body over the limit', async () => {
      let deep: unknown = 'x';
      for (let level = 0; level < 200; level++) deep = { a: deep };
      const definition = { ...projectDefinition('withdrawal'), deep };
      const response = await staff.post('/api/staff/forms/withdrawal/check', { definition });
      expect(response.body.issues).toEqual([expect.objectContaining({ code: 'definition-too-deep' })]);
      const huge = { ...projectDefinition('withdrawal'), description: { ja: 'あ'.repeat(70_000), en: '' } };
      expect((await staff.post('/api/staff/forms/withdrawal/check', { definition: huge })).status).toBe(413);
    });

    it("validates test data with the draft and derives its confirm view, for the examples' sample member", async () => {
      const example = manualExample();
      const response = await staff.post('/api/staff/forms/withdrawal/preview', {
        definition: withdrawalWithDateLabel('退会日'),
        data: example.data,
        today: example.today,
        member: 'sample',
        locale: 'ja',
      });
      expect(response.status).toBe(200);
      expect(response.body.errors).toEqual([]);
      expect(response.body.value.withdrawalDate).toBe('2024-10-31');
      // The cascade: leaving 小樽市医師会 leaves the upper layers too.
      expect(response.body.value.withdrawFrom.associationIds).toEqual(['city-otaru', 'pref-01', 'jma']);
      const rows = response.body.confirmView.sections[0].rows;
      expect(rows[0].label.ja).toBe('退会申請先');
      expect(rows[0].targets.map((target: { name: { ja: string } }) => target.name.ja)).toEqual([
        '小樽市医師会',
        '北海道医師会',
        '日本医師会',
      ]);
      expect(rows[1]).toMatchObject({ label: { ja: '退会日' }, value: { ja: '2024/10/31' } });
    });

    it("reports the data's errors by pointer for the demo member, one step at a time when asked", async () => {
      const definition = projectDefinition('withdrawal');
      const all = await staff.post('/api/staff/forms/withdrawal/preview', {
        definition,
        data: { withdrawFrom: { groupId: 'group-aoyagi', associationIds: ['city-otaru'] }, reason: 'other' },
        locale: 'en',
      });
      // The demo member's group has another id than the sample's: the server resolves his real groups.
      expect(all.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
        '/reasonOther',
        '/withdrawFrom',
        '/withdrawalDate',
      ]);
      expect(all.body.errors.find((error: { pointer: string }) => error.pointer === '/withdrawalDate').message).toMatch(
        /date/i,
      );
      const other = await staff.post('/api/staff/forms/withdrawal/preview', {
        definition,
        data: {},
        stepId: 'confirm',
      });
      expect(other.body.errors).toEqual([]);
      const unknown = await staff.post('/api/staff/forms/withdrawal/preview', { definition, data: {}, member: '999' });
      expect(unknown.status).toBe(400);
    });

    it('gives no preview for a draft that fails its check, only its issues', async () => {
      const definition = projectDefinition('withdrawal');
      const index = definition.steps.findIndex((step: { type: string }) => step.type === 'fields');
      definition.steps[index].fields.push('nothing');
      const response = await staff.post('/api/staff/forms/withdrawal/preview', { definition, data: {} });
      expect(response.body.confirmView).toBeNull();
      expect(response.body.issues).toContainEqual(expect.objectContaining({ pointer: `/steps/${index}/fields/4` }));
    });

    it('renders a mail of the draft with the test data through the real templates, HTML at a sandboxed URL', async () => {
      const example = manualExample();
      const response = await staff.post('/api/staff/forms/withdrawal/render-mail', {
        definition: withdrawalWithDateLabel('退会日'),
        template: 'withdrawal/member-submitted',
        data: example.data,
        today: example.today,
        member: 'sample',
        locale: 'ja',
      });
      expect(response.status).toBe(200);
      const { mail } = response.body;
      expect(mail.subject).toContain('退会');
      expect(mail.text).toContain('日医 太郎');
      expect(mail.text).toContain('小樽市医師会');
      expect(mail.text).toContain('2024/10/31');
      expect(mail.html).toContain('<');
      const frame = await staff.get(mail.htmlUrl);
      expect(frame.status).toBe(200);
      expect(frame.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(frame.headers.get('Content-Security-Policy')).toMatch(/^sandbox; default-src 'none'/);
      // The studio frames it: its own origin may, and no other.
      expect(frame.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'self'");
      expect(frame.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(frame.body).toBe(mail.html);
    });

    it("renders an office's mail from the mail module's sample when there is no test data, in English when asked", async () => {
      const response = await staff.post('/api/staff/forms/withdrawal/render-mail', {
        definition: projectDefinition('withdrawal'),
        template: 'common/office-submitted',
        locale: 'en',
      });
      expect(response.status).toBe(200);
      expect(response.body.mail.hook).toMatchObject({ to: 'target-offices' });
      expect(response.body.mail.subject).not.toBe('');
      const unused = await staff.post('/api/staff/forms/withdrawal/render-mail', {
        definition: projectDefinition('withdrawal'),
        template: 'enrollment/member-approved',
      });
      expect(unused.status).toBe(400);
    });
  });
}
