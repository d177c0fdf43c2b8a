import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { buildStudio } from '../../../web-components/studio/build-studio.js';
import { createTestApp, type TestApp } from '../../server/support/test-app.js';

export interface StudioServer {
  readonly origin: string;
  readonly test: TestApp;
  close(): Promise<void>;
}

/**
 * The real app (embedded PostgreSQL with the demo data and the project's forms) listening on a
 * free port, with the studio's bundle freshly built into a folder of its own and served under
 * `/components/` as the portal serves it.
 */
export async function startStudioServer(): Promise<StudioServer> {
  const bundleDir = await mkdtemp(join(tmpdir(), 'mamis-studio-'));
  await buildStudio({ outdir: bundleDir });
  const test = await createTestApp('pglite', { config: { componentsDir: bundleDir } });
  const server = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    test,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await test.dispose();
      await rm(bundleDir, { recursive: true, force: true });
    },
  };
}
