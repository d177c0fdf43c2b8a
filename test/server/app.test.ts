import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SITE = 'https://www.hokkaido.example.jp';

for (const dialect of TEST_DIALECTS) {
  describe(`the app's edges on ${dialect}`, () => {
    let t: TestApp;
    let componentsDir: string;
    beforeAll(async () => {
      componentsDir = await mkdtemp(path.join(tmpdir(), 'mamis-components-'));
      await writeFile(path.join(componentsDir, 'mamis-components.js'), 'export const loaded = true;\n');
      t = await createTestApp(dialect, { config: { corsOrigins: [SITE], componentsDir } });
    });
    afterAll(async () => {
      await t.dispose();
      await rm(componentsDir, { recursive: true, force: true });
    });

    it('lets a configured embedding site call the API with a bearer token across origins', async () => {
      const preflight = await t.app.request('/api/forms/withdrawal/submissions', {
        method: 'OPTIONS',
        headers: {
          Origin: SITE,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
      expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
      expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('idempotency-key');
    });

    it('does not open the API to other origins', async () => {
      const response = await t.app.request('/api/openapi.json', { headers: { Origin: 'https://evil.example.org' } });
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });

    it('serves the component bundle under /components/ to any site', async () => {
      const response = await t.app.request('/components/mamis-components.js', { headers: { Origin: SITE } });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/javascript/);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(await response.text()).toContain('loaded = true');
      expect((await t.app.request('/components/missing.js')).status).toBe(404);
    });
  });
}
