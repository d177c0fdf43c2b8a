import type { Kysely } from 'kysely';
import type { EmbedTokenConfig } from './auth/embed-token.js';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from './auth/sign-in.js';
import { DEFAULT_SIGN_IN_THROTTLE, type SignInThrottlePolicy } from './auth/sign-in-throttle.js';
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
  /** Failed sign-ins one client address may make, across logins, before it must wait. */
  readonly signInThrottle: SignInThrottlePolicy;
  /** Origins that may frame our responses (CSP frame-ancestors); none when empty. */
  readonly frameAncestors: readonly string[];
  /** Proxies in front that append to X-Forwarded-For and set X-Forwarded-Proto; 0 believes neither. */
  readonly trustedProxies: number;
  /** How embedding sites sign their member tokens; undefined refuses every bearer token. */
  readonly embed: EmbedTokenConfig | undefined;
  /** Origins of embedding sites allowed to call the API from their pages. */
  readonly corsOrigins: readonly string[];
  /** The built web components (`web-components/dist`), served under `/components/`. */
  readonly componentsDir: string | undefined;
  /** The folder the mail transport writes `.eml` files to; the portal lists it at `/dev/mail`. Unset with SMTP. */
  readonly mailFolder: string | undefined;
  /** `forms/` (the studio reads each form's examples); the project's own when undefined. */
  readonly formsDir: string | undefined;
  /** `templates/` (the studio checks drafts against them and renders mails); the project's own when undefined. */
  readonly templatesDir: string | undefined;
}

export const DEFAULT_CONFIG: AppConfig = {
  bodyLimitBytes: 64 * 1024,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  lockout: DEFAULT_LOCKOUT,
  signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
  frameAncestors: [],
  trustedProxies: 0,
  embed: undefined,
  corsOrigins: [],
  componentsDir: undefined,
  mailFolder: undefined,
  formsDir: undefined,
  templatesDir: undefined,
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
