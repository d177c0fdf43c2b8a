import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine/index.js';
import { definitionHash, type LoadedForm } from '../../../server/forms/index.js';
import { FormVersionConflictError, syncFormVersions } from '../../../server/store/form-versions.js';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { signedIn } from '../support/api-client.js';
import { manualWithdrawal } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { projectForms } from '../support/test-forms.js';

/** A form as `loadForms` would give it for a changed file. */
function loaded(definition: FormDefinition): LoadedForm {
  return {
    form: compileForm({ definition, file: `forms/${definition.id}/form.json` }),
    hash: definitionHash(definition),
    file: `forms/${definition.id}/form.json`,
  };
}

for (const dialect of TEST_DIALECTS) {
  describe(`form versions on ${dialect}`, () => {
    let t: TestApp;
    let v1: FormDefinition;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      v1 = (await projectForms()).get('withdrawal')!.form.definition;
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('keeps a stored definition exactly as written, key order included', async () => {
      const row = await t.database.db
        .selectFrom('form_versions')
        .select('definition')
        .where('form_id', '=', 'withdrawal')
        .where('version', '=', 1)
        .executeTakeFirstOrThrow();
      const stored = row.definition as FormDefinition;
      expect(Object.keys(stored.fields.reason!.options!)).toEqual(['retirement', 'death', 'other']);
      expect(definitionHash(stored)).toBe(definitionHash(v1));
    });

    it('publishes nothing twice and refuses a changed definition under a published version', async () => {
      expect(await syncFormVersions(t.database.db, await projectForms())).toEqual([]);
      const changed = loaded({ ...v1, title: { ja: '退会届（改）', en: 'Withdrawal (changed)' } });
      await expect(syncFormVersions(t.database.db, new Map([['withdrawal', changed]]))).rejects.toBeInstanceOf(
        FormVersionConflictError,
      );
      await expect(syncFormVersions(t.database.db, new Map([['withdrawal', changed]]))).rejects.toThrow(
        /version 1 of "withdrawal" is already published/,
      );
    });

    it('serves a newer published version and still edits applications of the old one with their own rules', async () => {
      const taro = await signedIn(t.app, '123456');
      const filed = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(filed.status).toBe(201);
      // Version 2, published by another server: reasonOther is now required up to 20 characters only.
      const v2: FormDefinition = {
        ...v1,
        version: 2,
        title: { ja: '退会届（第2版）', en: 'Withdrawal (2nd edition)' },
        schema: {
          ...v1.schema,
          properties: {
            ...(v1.schema.properties as object),
            reasonOther: { type: 'string', maxCharacters: 20 },
          },
        },
      };
      expect(await syncFormVersions(t.database.db, new Map([['withdrawal', loaded(v2)]]))).toEqual(['withdrawal@2']);

      const current = await taro.get('/api/forms/withdrawal');
      expect(current.body.form).toMatchObject({ version: 2, definition: { title: { ja: '退会届（第2版）' } } });
      expect(current.body.validatorUrl).toBe('/api/forms/withdrawal/versions/2/validator.js');
      expect((await taro.get('/api/forms/withdrawal/versions/2/validator.js')).status).toBe(200);

      // A member who filled in version 1 before version 2 came out still files, on version 1's
      // rules (a 30-character reason passes its limit of 50, not version 2's 20).
      const filledBefore = await taro.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({
          withdrawFrom: { groupId: 'group-123456-chiyoda', associationIds: ['pref-13'] },
          reason: 'other',
          reasonOther: 'い'.repeat(30),
        }),
      );
      expect(filledBefore.status).toBe(201);
      expect(filledBefore.body.application).toMatchObject({ formVersion: 1, formTitle: { ja: '退会届' } });
      // A version never published is refused: reloading brings the current one.
      const unknown = await taro.post('/api/forms/withdrawal/submissions', { ...manualWithdrawal(), version: 3 });
      expect(unknown.status).toBe(409);
      expect(unknown.body.error.code).toBe('form_version_outdated');

      // The old application keeps version 1: a 30-character reason passes its rule of 50.
      const edited = await taro.patch(`/api/me/applications/${filed.body.application.id}`, {
        data: { ...manualWithdrawal().data, reason: 'other', reasonOther: 'あ'.repeat(30) },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.application).toMatchObject({ formVersion: 1, formTitle: { ja: '退会届' } });
    });
  });
}
