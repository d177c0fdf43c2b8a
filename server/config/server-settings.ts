import path from 'node:path';
import type { EmbedTokenConfig } from '../auth/embed-token.js';
import { persistedDevSecret } from './dev-secret.js';

/** The environment variables the server reads. */
export interface ServerEnvironment {
  readonly PORT?: string | undefined;
  /** Interface to listen on; all by default. */
  readonly HOST?: string | undefined;
  /** Holds the embedded database (`db/`), the mail folder (`mail/`) and dev secrets. */
  readonly DATA_DIR?: string | undefined;
  /** A PostgreSQL server; without it the embedded database in DATA_DIR is used. */
  readonly DATABASE_URL?: string | undefined;
  readonly MAIL_URL?: string | undefined;
  readonly MAIL_FROM?: string | undefined;
  /** Shared secret for embed tokens (HS256); generated into DATA_DIR when unset. */
  readonly EMBED_JWT_SECRET?: string | undefined;
  /** PEM public key of the embedding site (RS256/ES256); replaces the secret when set. */
  readonly EMBED_JWT_PUBLIC_KEY?: string | undefined;
  readonly EMBED_JWT_ALG?: string | undefined;
  readonly EMBED_JWT_AUDIENCE?: string | undefined;
  /** Longest accepted token lifetime in seconds (default 600). */
  readonly EMBED_JWT_MAX_LIFETIME?: string | undefined;
  /** Comma-separated origins of embedding sites allowed to call the API. */
  readonly CORS_ORIGINS?: string | undefined;
  /** The portal's public address, used in mail. */
  readonly PUBLIC_URL?: string | undefined;
  /** Origins that may show the portal in a frame (CSP frame-ancestors), comma-separated; none by default. */
  readonly FRAME_ANCESTORS?: string | undefined;
  /** How many proxies in front append to X-Forwarded-For and set X-Forwarded-Proto (default 0: none). */
  readonly TRUST_PROXY?: string | undefined;
  /** Seconds before the first retry of a mail the mail server refused; doubled each time (default 300). */
  readonly MAIL_RETRY_SECONDS?: string | undefined;
  /** `off`: this process queues mail but does not send it; `npm run mail -- worker` does (default on). */
  readonly MAIL_WORKER?: string | undefined;
}

export interface ServerSettings {
  readonly port: number;
  readonly host: string | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly embed: EmbedTokenConfig;
  /** True when the embed secret was generated for development. */
  readonly embedSecretGenerated: boolean;
  readonly corsOrigins: readonly string[];
  readonly publicUrl: string | undefined;
  readonly frameAncestors: readonly string[];
  readonly trustedProxies: number;
  readonly mailRetryMs: number;
  /** Whether this process runs the mail worker. */
  readonly mailWorker: boolean;
}

/** Reads and checks the environment; throws with a message naming the variable at fault. */
export async function readServerSettings(env: ServerEnvironment, cwd: string): Promise<ServerSettings> {
  const port = Number(value(env.PORT) ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const dataDir = dataDirOf(env, cwd);
  const algorithm = value(env.EMBED_JWT_ALG) ?? (value(env.EMBED_JWT_PUBLIC_KEY) ? 'RS256' : 'HS256');
  if (algorithm !== 'HS256' && algorithm !== 'RS256' && algorithm !== 'ES256') {
    throw new Error(`EMBED_JWT_ALG must be HS256, RS256 or ES256, not "${algorithm}"`);
  }
  const publicKey = value(env.EMBED_JWT_PUBLIC_KEY);
  if (algorithm !== 'HS256' && publicKey === undefined) {
    throw new Error(`EMBED_JWT_ALG ${algorithm} needs the site's public key in EMBED_JWT_PUBLIC_KEY (PEM)`);
  }
  const givenSecret = value(env.EMBED_JWT_SECRET);
  if (algorithm === 'HS256' && givenSecret !== undefined && givenSecret.length < 32) {
    throw new Error('EMBED_JWT_SECRET must be at least 32 characters long');
  }
  const secret =
    algorithm === 'HS256' ? (givenSecret ?? (await persistedDevSecret(dataDir, 'EMBED_JWT_SECRET'))) : undefined;
  const maxLifetime = Number(value(env.EMBED_JWT_MAX_LIFETIME) ?? '600');
  if (!Number.isInteger(maxLifetime) || maxLifetime <= 0)
    throw new Error('EMBED_JWT_MAX_LIFETIME must be a number of seconds');
  return {
    port,
    host: value(env.HOST),
    dataDir,
    databaseUrl: value(env.DATABASE_URL),
    embed: {
      algorithm,
      secret,
      publicKey: algorithm === 'HS256' ? undefined : publicKey,
      audience: value(env.EMBED_JWT_AUDIENCE) ?? 'mamis-embed',
      maxLifetimeSeconds: maxLifetime,
    },
    embedSecretGenerated: algorithm === 'HS256' && givenSecret === undefined,
    corsOrigins: (value(env.CORS_ORIGINS) ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    publicUrl: value(env.PUBLIC_URL),
    frameAncestors: frameAncestorsOf(env.FRAME_ANCESTORS),
    trustedProxies: wholeNumber(env.TRUST_PROXY, 'TRUST_PROXY', 0),
    mailRetryMs: wholeNumber(env.MAIL_RETRY_SECONDS, 'MAIL_RETRY_SECONDS', 300) * 1000,
    mailWorker: onOrOff(env.MAIL_WORKER, 'MAIL_WORKER'),
  };
}

/** A whole number of at least 0 (MAIL_RETRY_SECONDS: at least 1), or the default when unset. */
function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  const given = value(text);
  if (given === undefined) return fallback;
  const number = Number(given);
  const least = name === 'MAIL_RETRY_SECONDS' ? 1 : 0;
  if (!/^\d+$/.test(given) || number < least)
    throw new Error(`${name} must be a whole number of at least ${least}, not "${given}"`);
  return number;
}

/**
 * The origins of FRAME_ANCESTORS. Each must be a bare origin (`https://www.example-ishikai.jp`)
 * or `'self'`: anything else could smuggle a directive into the Content-Security-Policy.
 */
function frameAncestorsOf(text: string | undefined): readonly string[] {
  const entries = (value(text) ?? '').split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    if (entry !== "'self'" && !/^https?:\/\/[A-Za-z0-9*.-]+(?::\d{1,5})?$/.test(entry)) {
      throw new Error(`FRAME_ANCESTORS must list origins such as https://www.example-ishikai.jp, not "${entry}"`);
    }
  }
  return entries;
}

/** `on` (the default) or `off`. */
function onOrOff(text: string | undefined, name: string): boolean {
  const given = value(text)?.toLowerCase() ?? 'on';
  if (given !== 'on' && given !== 'off') throw new Error(`${name} must be "on" or "off", not "${text}"`);
  return given === 'on';
}

/**
 * The embedded database's folder (`db/` in DATA_DIR), or undefined when DATABASE_URL names a
 * PostgreSQL server. Read apart from the other settings: `npm start` begins opening the folder
 * before it loads the server.
 */
export function embeddedDatabaseFolder(env: ServerEnvironment, cwd: string): string | undefined {
  return value(env.DATABASE_URL) === undefined ? path.join(dataDirOf(env, cwd), 'db') : undefined;
}

function dataDirOf(env: ServerEnvironment, cwd: string): string {
  return path.resolve(cwd, value(env.DATA_DIR) ?? './data');
}

function value(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}
