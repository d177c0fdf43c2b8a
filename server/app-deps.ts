import type { Kysely } from 'kysely';
import type { EmbedTokenConfig } from './auth/embed-token.js';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from './auth/sign-in.js';
import type { Database } from './db/database.js';
import type { FormCatalog } from './form-catalog/form-catalog.js';
import type { ApplicationMailer } from './mail/application-mail.js';
import type { Clock } from './runtime/clock.js';
import type { NewId } from './runtime/new-id.js';

/** What the app is configured with; `server/main.ts` reads it from the environment. */
export interface AppConfig {
  /** Largest request body accepted (413 above it). */
  readonly bodyLimitBytes: number;
  readonly sessionTtlMs: number;
  readonly lockout: LockoutPolicy;
  /** How embedding sites sign their member tokens; undefined refuses every bearer token. */
  readonly embed: EmbedTokenConfig | undefined;
  /** Origins of embedding sites allowed to call the API from their pages. */
  readonly corsOrigins: readonly string[];
  /** The built web components (`web-components/dist`), served under `/components/`. */
  readonly componentsDir: string | undefined;
}

export const DEFAULT_CONFIG: AppConfig = {
  bodyLimitBytes: 64 * 1024,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  lockout: DEFAULT_LOCKOUT,
  embed: undefined,
  corsOrigins: [],
  componentsDir: undefined,
};

/** Everything routes use, made once by `createApp`. */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly catalog: FormCatalog;
  readonly mailer: ApplicationMailer;
  readonly clock: Clock;
  readonly newId: NewId;
  readonly config: AppConfig;
}
