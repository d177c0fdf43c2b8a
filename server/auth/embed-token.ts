import { verify } from 'hono/jwt';
import { AuthenticationError } from '../errors/app-errors.js';

/**
 * How an embedding association site proves who the member is: a short-lived JWT it signs with
 * a shared secret (HS256) or its private key (RS256/ES256, the server holding the public key).
 */
export interface EmbedTokenConfig {
  /** The shared secret for HS256. */
  readonly secret?: string | undefined;
  /** A PEM public key for RS256 or ES256; when set, `secret` is not used. */
  readonly publicKey?: string | undefined;
  readonly algorithm: 'HS256' | 'RS256' | 'ES256';
  /** The `aud` every token must carry. */
  readonly audience: string;
  /** Tokens must expire within this many seconds of now: a leaked token is soon useless. */
  readonly maxLifetimeSeconds: number;
}

/** Clock difference tolerated between the site and this server. */
const LEEWAY_SECONDS = 30;

/**
 * Verifies an embed token and returns the 医籍登録番号 in its `sub`. Any problem — signature,
 * audience, expiry, a lifetime longer than allowed — is the same `invalid_token`.
 */
export async function verifyEmbedToken(token: string, config: EmbedTokenConfig, now: Date): Promise<string> {
  const key = config.publicKey ?? config.secret;
  if (!key) throw new AuthenticationError('invalid_token');
  let payload: Record<string, unknown>;
  try {
    // Time claims are checked below against the injected clock, not the machine's.
    payload = await verify(token, key, {
      alg: config.algorithm,
      aud: config.audience,
      exp: false,
      nbf: false,
      iat: false,
    });
  } catch {
    throw new AuthenticationError('invalid_token');
  }
  const seconds = Math.floor(now.getTime() / 1000);
  const { exp, nbf, iat, sub } = payload;
  const valid =
    typeof exp === 'number' &&
    exp > seconds - LEEWAY_SECONDS &&
    exp - seconds <= config.maxLifetimeSeconds + LEEWAY_SECONDS &&
    (nbf === undefined || (typeof nbf === 'number' && nbf <= seconds + LEEWAY_SECONDS)) &&
    (iat === undefined || (typeof iat === 'number' && iat <= seconds + LEEWAY_SECONDS)) &&
    typeof sub === 'string' &&
    sub.length > 0;
  if (!valid) throw new AuthenticationError('invalid_token');
  return sub;
}
