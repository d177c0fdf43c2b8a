import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`GET /api/openapi.json and /api/staff on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('describes every route, publicly, as OpenAPI 3.1', async () => {
      const response = await new ApiClient(t.app).get('/api/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body.openapi).toBe('3.1.0');
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/session',
          '/api/forms',
          '/api/forms/{id}',
          '/api/forms/{id}/versions/{version}/validator.js',
          '/api/forms/{id}/submissions',
          '/api/me',
          '/api/me/history',
          '/api/me/applications',
          '/api/me/applications/{id}',
          '/api/me/drafts/{formId}',
          '/api/office/applications',
          '/api/office/applications/{id}',
          '/api/office/applications/{id}/decision',
        ]),
      );
      expect(Object.keys(response.body.paths['/api/me/applications/{id}'])).toEqual(['get', 'patch', 'delete']);
    });

    it("carries each form's data schema as a component, with the engine's keywords as extensions", async () => {
      const { body } = await new ApiClient(t.app).get('/api/openapi.json');
      const withdrawal = body.components.schemas['FormData.withdrawal'];
      expect(withdrawal.title).toBe('退会届 / Withdrawal (withdrawal v1)');
      expect(withdrawal.properties.reasonOther).toEqual({ type: 'string', 'x-maxCharacters': 50 });
      expect(withdrawal.properties.withdrawalDate).toMatchObject({ format: 'date', 'x-minDate': 'today' });
      expect(body.components.schemas['FormData.enrollment']).toBeDefined();
      expect(body.components.schemas['FormData.transfer']).toBeDefined();
      const submission = body.paths['/api/forms/{id}/submissions'].post.requestBody.content['application/json'].schema;
      expect(submission.properties.data.oneOf).toContainEqual({ $ref: '#/components/schemas/FormData.withdrawal' });
      // Every $ref points at a component that exists.
      const refs = JSON.stringify(body).match(/#\/components\/schemas\/[\w.]+/g) ?? [];
      for (const ref of refs) expect(body.components.schemas[ref.split('/').at(-1)!]).toBeDefined();
    });

    it('lists the published form versions for staff only', async () => {
      const staff = await signedIn(t.app, 'staff');
      const response = await staff.get('/api/staff/form-versions');
      expect(response.status).toBe(200);
      expect(response.body.versions).toHaveLength(3);
      expect(response.body.versions[0]).toMatchObject({
        formId: 'enrollment',
        version: 1,
        current: true,
        hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      });
      const member = await signedIn(t.app, '123456');
      expect((await member.get('/api/staff/form-versions')).status).toBe(403);
      expect((await (await signedIn(t.app, 'jma-office')).get('/api/staff/form-versions')).status).toBe(403);
      expect((await new ApiClient(t.app).get('/api/staff/form-versions')).status).toBe(401);
    });

    it('answers an unknown API path with the same 404 as an unknown id', async () => {
      const response = await new ApiClient(t.app).get('/api/nothing-here');
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });
  });
}
