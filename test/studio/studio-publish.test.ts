import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../server/support/api-client.js';
import { manualWithdrawal, resetToDemoData } from '../server/support/fixtures.js';
import { createTestApp, type TestApp } from '../server/support/test-app.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { type Definition, projectDefinition, withdrawalWithDateLabel } from './support/definitions.js';

/** Version 2 of the withdrawal: a renamed date label and a new required field in the same step. */
function withdrawalV2(): Definition {
  const definition = withdrawalWithDateLabel('退会日');
  definition.schema.properties.contactPhone = { type: 'string', minLength: 1, maxLength: 20 };
  definition.schema.required.push('contactPhone');
  definition.fields.contactPhone = { label: { ja: '連絡先電話番号', en: 'Phone' }, widget: 'text' };
  const step = definition.steps.find((candidate: { type: string }) => candidate.type === 'fields');
  step.fields.push('contactPhone');
  return definition;
}

for (const dialect of TEST_DIALECTS) {
  describe(`publishing a form version from the studio, on ${dialect}`, () => {
    let t: TestApp;
    let staff: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      staff = await signedIn(t.app, 'staff');
    });
    beforeEach(async () => {
      await resetToDemoData(t.database.db);
      await t.database.db.deleteFrom('form_versions').where('version', '>', 1).execute();
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('raises the version itself, records who published, and makes it current at once', async () => {
      // The draft still says version 1: the server, not the draft, sets the number.
      const response = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: withdrawalWithDateLabel('退会日'),
        expectedCurrentVersion: 1,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ formId: 'withdrawal', version: 2, publishedBy: 'staff' });
      const stored = await t.database.db
        .selectFrom('form_versions')
        .select(['version', 'hash', 'published_by', 'definition'])
        .where('form_id', '=', 'withdrawal')
        .where('version', '=', 2)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ hash: response.body.hash, published_by: 'staff' });
      expect((stored.definition as Definition).version).toBe(2);

      const member = await signedIn(t.app, '123456');
      const form = await member.get('/api/forms/withdrawal');
      expect(form.body.form.version).toBe(2);
      expect(form.body.form.definition.fields.withdrawalDate.label.ja).toBe('退会日');
      expect(form.body.validatorUrl).toBe('/api/forms/withdrawal/versions/2/validator.js');
      expect((await member.get(form.body.validatorUrl)).status).toBe(200);
      const listed = await staff.get('/api/staff/forms');
      const withdrawal = listed.body.forms.find((entry: { id: string }) => entry.id === 'withdrawal');
      expect(withdrawal.currentVersion).toBe(2);
      expect(withdrawal.versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    });

    it('refuses when someone else published meanwhile (409), and then publishes on the new version', async () => {
      const first = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: withdrawalWithDateLabel('退会日'),
        expectedCurrentVersion: 1,
      });
      expect(first.status).toBe(201);
      const stale = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: withdrawalWithDateLabel('退会希望日'),
        expectedCurrentVersion: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: { code: 'form_version_outdated' }, currentVersion: 2 });
      const next = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: withdrawalWithDateLabel('退会希望日'),
        expectedCurrentVersion: 2,
      });
      expect(next.body.version).toBe(3);
    });

    it('lets exactly one of two simultaneous publishes through', async () => {
      const [a, b] = await Promise.all([
        staff.post('/api/staff/forms/withdrawal/versions', {
          definition: withdrawalWithDateLabel('退会日A'),
          expectedCurrentVersion: 1,
        }),
        staff.post('/api/staff/forms/withdrawal/versions', {
          definition: withdrawalWithDateLabel('退会日B'),
          expectedCurrentVersion: 1,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const versions = await t.database.db
        .selectFrom('form_versions')
        .select('version')
        .where('form_id', '=', 'withdrawal')
        .execute();
      expect(versions.map((row) => row.version).sort()).toEqual([1, 2]);
    });

    it('refuses a draft that fails its check (422 with the issues) and one that changes nothing', async () => {
      const broken = projectDefinition('withdrawal');
      broken.fields.reasonOther.lable = broken.fields.reasonOther.label;
      const refused = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: broken,
        expectedCurrentVersion: 1,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.issues).toContainEqual(
        expect.objectContaining({ pointer: '/fields/reasonOther', code: 'meta-additionalProperties' }),
      );
      const same = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: projectDefinition('withdrawal'),
        expectedCurrentVersion: 1,
      });
      expect(same.status).toBe(422);
      expect(same.body.issues).toEqual([expect.objectContaining({ code: 'unchanged' })]);
      const member = await signedIn(t.app, '123456');
      expect((await member.get('/api/forms/withdrawal')).body.form.version).toBe(1);
    });

    it('leaves an application filed on version 1 on version 1: its confirm view and 修正 use it; new ones filed on version 1 or 2, never on an unpublished one', async () => {
      const member = await signedIn(t.app, '123456');
      const filed = await member.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(filed.status).toBe(201);
      const id = filed.body.application.id;

      const published = await staff.post('/api/staff/forms/withdrawal/versions', {
        definition: withdrawalV2(),
        expectedCurrentVersion: 1,
      });
      expect(published.status).toBe(201);

      const shown = await member.get(`/api/me/applications/${id}`);
      expect(shown.body.application.formVersion).toBe(1);
      const labels = shown.body.application.confirmView.sections[0].rows.map(
        (row: { label: { ja: string } }) => row.label.ja,
      );
      expect(labels).toContain('退会希望年月日');
      expect(labels).not.toContain('退会日');
      expect(labels).not.toContain('連絡先電話番号');

      // 修正 without the field version 2 requires: validated with version 1, so accepted.
      const edited = await member.patch(`/api/me/applications/${id}`, {
        data: { ...manualWithdrawal().data, withdrawalDate: '2027/01/31' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.application.formVersion).toBe(1);

      await member.delete(`/api/me/applications/${id}`);
      // A member who filled in version 1 before version 2 came out still files, on version 1.
      const filledBefore = await member.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(filledBefore.status).toBe(201);
      expect(filledBefore.body.application.formVersion).toBe(1);
      await member.delete(`/api/me/applications/${filledBefore.body.application.id}`);
      const unpublished = await member.post('/api/forms/withdrawal/submissions', { ...manualWithdrawal(), version: 3 });
      expect(unpublished.status).toBe(409);
      expect(unpublished.body.error.code).toBe('form_version_outdated');
      const missing = await member.post('/api/forms/withdrawal/submissions', { ...manualWithdrawal(), version: 2 });
      expect(missing.status).toBe(422);
      expect(missing.body.error.fields).toContainEqual(expect.objectContaining({ pointer: '/contactPhone' }));
      const complete = await member.post('/api/forms/withdrawal/submissions', {
        version: 2,
        data: { ...manualWithdrawal().data, contactPhone: '0134-00-0000' },
      });
      expect(complete.status).toBe(201);
      expect(complete.body.application.formVersion).toBe(2);
    });
  });
}
