import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE_NAME = 'secrets.json';

/**
 * A secret for development: read from `${dataDir}/secrets.json`, or generated and written there
 * (mode 600) on first use, so it survives restarts. Production sets the variable instead.
 */
export async function persistedDevSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, FILE_NAME);
  let secrets: Record<string, string> = {};
  try {
    secrets = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const existing = secrets[name];
  if (typeof existing === 'string' && existing.length >= 32) return existing;
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...secrets, [name]: secret }, null, 2)}\n`, { mode: 0o600 });
  return secret;
}
