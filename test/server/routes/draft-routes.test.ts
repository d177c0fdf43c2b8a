import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/me/drafts on ${dialect}`, () => {
    let t: TestApp;
    let taro: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      taro = await signedIn(t.app, '123456');
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('is 404 when there is no draft', async () => {
      expect((await taro.get('/api/me/drafts/transfer')).status).toBe(404);
    });

    it('saves, replaces, reads back and discards a draft', async () => {
      const saved = await taro.put('/api/me/drafts/withdrawal', {
        version: 1,
        stepId: 'select',
        data: { reason: 'other' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.draft).toEqual({
        formId: 'withdrawal',
        version: 1,
        stepId: 'select',
        data: { reason: 'other' },
        updatedAt: '2026-11-25T01:00:00.000Z',
      });
      await taro.put('/api/me/drafts/withdrawal', {
        version: 1,
        stepId: 'confirm',
        data: { reason: 'death', extra: [1, 2] },
      });
      const read = await taro.get('/api/me/drafts/withdrawal');
      expect(read.body.draft).toMatchObject({ stepId: 'confirm', data: { reason: 'death', extra: [1, 2] } });
      expect((await taro.delete('/api/me/drafts/withdrawal')).status).toBe(204);
      expect((await taro.get('/api/me/drafts/withdrawal')).status).toBe(404);
      expect((await taro.delete('/api/me/drafts/withdrawal')).status).toBe(204);
    });

    it("keeps each member's drafts to themselves", async () => {
      await taro.put('/api/me/drafts/enrollment', {
        version: 1,
        stepId: 'affiliation',
        data: { facilityName: '秘密' },
      });
      const hanako = await signedIn(t.app, '234567');
      expect((await hanako.get('/api/me/drafts/enrollment')).status).toBe(404);
    });

    it('refuses a draft without version, stepId or an object as data', async () => {
      for (const body of [
        { stepId: 'select', data: {} },
        { version: 1, data: {} },
        { version: 1, stepId: 'select', data: [1] },
        { version: '1', stepId: 'select', data: {} },
      ]) {
        const response = await taro.put('/api/me/drafts/withdrawal', body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('invalid_request');
      }
    });

    it('is 404 for a form that does not exist', async () => {
      expect((await taro.put('/api/me/drafts/nonexistent', { version: 1, stepId: 'a', data: {} })).status).toBe(404);
    });

    it('refuses a draft over the size limit', async () => {
      const response = await taro.put('/api/me/drafts/withdrawal', {
        version: 1,
        stepId: 'select',
        data: { note: 'x'.repeat(70_000) },
      });
      expect(response.status).toBe(413);
    });

    it('needs the CSRF token, a member and a sign-in', async () => {
      expect(
        (await taro.put('/api/me/drafts/withdrawal', { version: 1, stepId: 'a', data: {} }, { withoutCsrf: true }))
          .status,
      ).toBe(403);
      const office = await signedIn(t.app, 'otaru-office');
      expect((await office.get('/api/me/drafts/withdrawal')).status).toBe(403);
      expect((await new ApiClient(t.app).get('/api/me/drafts/withdrawal')).status).toBe(401);
    });
  });
}
