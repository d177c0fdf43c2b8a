import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../server/support/test-app.js';

export interface PortalTestApp extends TestApp {
  /** The folder `/dev/mail` lists (nothing writes to it unless a test does). */
  readonly mailFolder: string;
}

/** The app on a fresh embedded database with the demo data, as in development (mail to a folder). */
export async function createPortalApp(): Promise<PortalTestApp> {
  const mailFolder = await mkdtemp(path.join(tmpdir(), 'mamis-portal-mail-'));
  const t = await createTestApp('pglite', { config: { mailFolder } });
  return {
    ...t,
    mailFolder,
    async dispose() {
      await t.dispose();
      await rm(mailFolder, { recursive: true, force: true });
    },
  };
}
