import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../../server/app.js';
import type { AppEnv } from '../../../server/app-env.js';
import type { Database } from '../../../server/db/database.js';
import { projectFolders } from '../../../server/forms/index.js';
import { createApplicationMailer, loadMailTemplates } from '../../../server/mail/index.js';
import { uuidV7 } from '../../../server/runtime/new-id.js';
import { syncFormVersions } from '../../../server/store/form-versions.js';
import { type ApiClient, signedIn } from '../../server/support/api-client.js';
import { type TestClock, testClock } from '../../server/support/test-clock.js';
import { projectForms } from '../../server/support/test-forms.js';
import { openDemoDatabase } from './demo-database.js';
import { TODAY } from './fixtures.js';
import { resetActivity } from './reset-activity.js';

/** Ten in the morning in Japan on the suites' day: the clock every test starts from. */
export const SERVER_START = `${TODAY}T10:00:00+09:00`;

export interface DemoServer {
  /** The real HTTP app, every route. */
  readonly app: Hono<AppEnv>;
  readonly db: Kysely<Database>;
  readonly clock: TestClock;
  /** Moves the server's clock to an instant (ISO 8601 with offset). */
  setTime(instant: string): void;
  /** The session cookie of a fresh sign-in through `POST /api/session`. */
  sessionCookie(login: string): Promise<string>;
  /** An in-process client of the same app, signed in as the account (cookie + CSRF token). */
  client(login: string): Promise<ApiClient>;
  /** Forgets what tests did (applications, drafts, sessions, mail, approved memberships) and resets the clock. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The server the components talk to in the browser suites: `createApp` over an in-memory
 * PGlite database, migrated and seeded with the demo data, the project's forms published, the
 * real mailer writing to `mail_outbox`, and a clock that stands still at SERVER_START until a
 * test moves it.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const folders = projectFolders();
  const [database, forms, templates] = await Promise.all([
    openDemoDatabase(),
    projectForms(),
    loadMailTemplates(folders.templatesDir),
  ]);
  const { db } = database;
  await syncFormVersions(db, forms);
  const clock = testClock(SERVER_START);
  const setTime = (instant: string) => clock.advance(new Date(instant).getTime() - clock.now().getTime());
  const mailer = createApplicationMailer({ templates, newId: uuidV7, clock });
  const app = createApp({
    db,
    forms,
    mailer,
    clock,
    // A 500 fails the test that caused it; the log says why.
    logError: (message, error) => console.error(message, error),
  });
  return {
    app,
    db,
    clock,
    setTime,
    async sessionCookie(login) {
      const client = await signedIn(app, login);
      const cookie = /^mamis_session=(.+)$/.exec(client.cookie ?? '');
      if (!cookie?.[1]) throw new Error(`The sign-in of ${login} set no session cookie`);
      return cookie[1];
    },
    client: (login) => signedIn(app, login),
    async reset() {
      await resetActivity(db);
      setTime(SERVER_START);
    },
    dispose: () => database.close(),
  };
}
