import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { type ApiClient, ApiClient as Client, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Role = 'member' | 'office' | 'staff';

/** Every protected route, with the roles allowed; the body is enough to get past parsing. */
const ROUTES: readonly { method: string; path: string; roles: readonly Role[]; body?: unknown }[] = [
  { method: 'GET', path: '/api/forms', roles: ['member', 'office', 'staff'] },
  { method: 'GET', path: '/api/forms/withdrawal', roles: ['member', 'office', 'staff'] },
  { method: 'POST', path: '/api/forms/withdrawal/submissions', roles: ['member'], body: { version: 1, data: {} } },
  { method: 'GET', path: '/api/me', roles: ['member'] },
  { method: 'GET', path: '/api/me/history', roles: ['member'] },
  { method: 'GET', path: '/api/me/applications', roles: ['member'] },
  { method: 'GET', path: '/api/me/applications/x', roles: ['member'] },
  { method: 'PATCH', path: '/api/me/applications/x', roles: ['member'], body: { data: {} } },
  { method: 'DELETE', path: '/api/me/applications/x', roles: ['member'] },
  { method: 'GET', path: '/api/me/drafts/withdrawal', roles: ['member'] },
  { method: 'PUT', path: '/api/me/drafts/withdrawal', roles: ['member'], body: { version: 1, stepId: 's', data: {} } },
  { method: 'DELETE', path: '/api/me/drafts/withdrawal', roles: ['member'] },
  { method: 'GET', path: '/api/office/applications', roles: ['office'] },
  { method: 'GET', path: '/api/office/applications/x', roles: ['office'] },
  { method: 'POST', path: '/api/office/applications/x/decision', roles: ['office'], body: { decision: 'review' } },
  { method: 'GET', path: '/api/staff/form-versions', roles: ['staff'] },
];

for (const dialect of TEST_DIALECTS) {
  describe(`who may call what, on ${dialect}`, () => {
    let t: TestApp;
    const clients = {} as Record<Role, ApiClient>;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      clients.member = await signedIn(t.app, '345678');
      clients.office = await signedIn(t.app, 'yokohama-office');
      clients.staff = await signedIn(t.app, 'staff');
    });
    afterAll(async () => {
      await t.dispose();
    });

    for (const route of ROUTES) {
      it(`${route.method} ${route.path}: 401 anonymous, 403 for other roles, through for ${route.roles.join('/')}`, async () => {
        const anonymous = await new Client(t.app).request(route.method, route.path, { body: route.body });
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('Cache-Control')).toBe('no-store');
        for (const role of ['member', 'office', 'staff'] as const) {
          const response = await clients[role].request(route.method, route.path, { body: route.body });
          if (route.roles.includes(role)) expect([200, 204, 404, 422]).toContain(response.status);
          else {
            expect(response.status).toBe(403);
            expect(response.body.error.code).toBe('forbidden');
          }
        }
      });
    }
  });
}
