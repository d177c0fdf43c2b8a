import type { Locale } from '../engine/index.js';
import type { AccountRole } from './db/database.js';

/** Who is calling: resolved from the session cookie or an embedding site's token. */
export interface Principal {
  readonly accountId: string;
  readonly role: AccountRole;
  /** The member's name, or the office's or staff's display name. */
  readonly name: string;
  readonly memberId: string | null;
  readonly associationId: string | null;
  /** The member's stored language; offices and staff have none. */
  readonly locale: Locale | null;
  /** `session`: cookie (writes need the CSRF token); `bearer`: embed token. */
  readonly via: 'session' | 'bearer';
  readonly session: { readonly id: string; readonly csrfToken: string } | null;
}

/** The Hono environment every route of the app shares. */
export interface AppEnv {
  Variables: {
    principal: Principal | undefined;
  };
}
