import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SITE = 'https://www.hokkaido.example.jp';
const BUNDLE = `export const loaded = true;\n// ${'padding '.repeat(200)}\n`;

for (const dialect of TEST_DIALECTS) {
  describe(`the app's edges on ${dialect}`, () => {
    let t: TestApp;
    let componentsDir: string;
    beforeAll(async () => {
      componentsDir = await mkdtemp(path.join(tmpdir(), 'mamis-components-'));
      // As the build writes it: the bundle, and the same compressed.
      await writeFile(path.join(componentsDir, 'mamis-components.js'), BUNDLE);
      await writeFile(path.join(componentsDir, 'mamis-components.js.br'), brotliCompressSync(BUNDLE));
      await writeFile(path.join(componentsDir, 'mamis-components.js.gz'), gzipSync(BUNDLE));
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

    it('sends the bundle compressed to browsers that accept it, and says the answer varies by that', async () => {
      const bodyFor = async (acceptEncoding: string | undefined) => {
        const headers: Record<string, string> = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
        const response = await t.app.request('/components/mamis-components.js', { headers });
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Type')).toMatch(/javascript/);
        expect(response.headers.get('Vary')).toMatch(/accept-encoding/i);
        const bytes = Buffer.from(await response.arrayBuffer());
        return { encoding: response.headers.get('Content-Encoding'), bytes };
      };
      const brotli = await bodyFor('gzip, deflate, br, zstd');
      expect(brotli.encoding).toBe('br');
      expect(brotliDecompressSync(brotli.bytes).toString()).toBe(BUNDLE);
      expect(brotli.bytes.byteLength).toBeLessThan(Buffer.byteLength(BUNDLE) / 4);
      const gzip = await bodyFor('gzip');
      expect(gzip.encoding).toBe('gzip');
      expect(gunzipSync(gzip.bytes).toString()).toBe(BUNDLE);
      const plain = await bodyFor(undefined);
      expect(plain.encoding).toBeNull();
      expect(plain.bytes.toString()).toBe(BUNDLE);
    });
  });
}
