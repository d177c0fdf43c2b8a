import type { Hono } from 'hono';
import { sign } from 'hono/jwt';
import type { KyselyPlugin } from 'kysely';
import { createApp } from '../../../server/app.js';
import type { AppConfig } from '../../../server/app-deps.js';
import type { AppEnv } from '../../../server/app-env.js';
import { hashPassword } from '../../../server/auth/password-hash.js';
import type { DialectName } from '../../../server/db/open-database.js';
import { seedDemoData } from '../../../server/db/seed/index.js';
import { syncFormVersions } from '../../../server/store/form-versions.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-databases.js';
import { type TestClock, testClock } from './test-clock.js';
import { projectForms } from './test-forms.js';
import { type RecordingMailer, recordingMailer } from './test-mailer.js';

export const EMBED_SECRET = 'test-embed-secret-0123456789abcdefghij';
export const EMBED_AUDIENCE = 'mamis-embed';

/** A cheap scrypt cost: the demo accounts hash in milliseconds, and the format stays real. */
const cheapHash = (password: string) => hashPassword(password, { N: 1024, r: 8, p: 1 });

export interface TestApp {
  readonly app: Hono<AppEnv>;
  readonly database: TestDatabase;
  readonly clock: TestClock;
  readonly mailer: RecordingMailer;
  dispose(): Promise<void>;
}

/**
 * A fresh database of the dialect with the demo data and the project's forms published, and
 * the app over it on a fixed clock (2026-11-25 in Japan) with a recording mailer.
 */
export async function createTestApp(
  dialect: DialectName,
  options: {
    config?: Partial<AppConfig>;
    logError?: (message: string, error: unknown) => void;
    /** Kysely plugins on the app's database only, e.g. one that counts its statements. */
    plugins?: readonly KyselyPlugin[];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  await seedDemoData(database.db, { hashPassword: cheapHash });
  const forms = await projectForms();
  await syncFormVersions(database.db, forms);
  const clock = testClock();
  const mailer = recordingMailer();
  let next = 0;
  const app = createApp({
    db: (options.plugins ?? []).reduce((db, plugin) => db.withPlugin(plugin), database.db),
    forms,
    mailer,
    clock,
    newId: () => `id-${String(++next).padStart(6, '0')}`,
    config: {
      embed: {
        algorithm: 'HS256',
        secret: EMBED_SECRET,
        audience: EMBED_AUDIENCE,
        maxLifetimeSeconds: 600,
      },
      ...options.config,
    },
    logError: options.logError ?? (() => {}),
  });
  return { app, database, clock, mailer, dispose: () => database.dispose() };
}

/** An embed token as an association site would sign it. */
export async function embedToken(
  clock: TestClock,
  claims: { sub?: string; aud?: string; expiresIn?: number; secret?: string } = {},
): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return sign(
    { sub: claims.sub ?? '123456', aud: claims.aud ?? EMBED_AUDIENCE, iat: now, exp: now + (claims.expiresIn ?? 300) },
    claims.secret ?? EMBED_SECRET,
    'HS256',
  );
}
