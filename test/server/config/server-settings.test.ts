import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerSettings } from '../../../server/config/server-settings.js';

describe('the server settings a newcomer gets without any environment variable', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'mamis-settings-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('serve on port 3000 from ./data on the embedded database, with the mail worker on', async () => {
    const settings = await readServerSettings({}, cwd);
    expect(settings.port).toBe(3000);
    expect(settings.dataDir).toBe(path.join(cwd, 'data'));
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.mailWorker).toBe(true);
    expect(settings.corsOrigins).toEqual([]);
    expect(settings.frameAncestors).toEqual([]);
    // A development secret for embed tokens, generated and kept in the data folder.
    expect(settings.embedSecretGenerated).toBe(true);
    expect(settings.embed.algorithm).toBe('HS256');
  });

  it('read blank variables as unset, and refuse a bad port naming the variable', async () => {
    const blank = await readServerSettings({ PORT: ' ', DATABASE_URL: '', DATA_DIR: '' }, cwd);
    expect(blank.port).toBe(3000);
    expect(blank.databaseUrl).toBeUndefined();
    await expect(readServerSettings({ PORT: '70000' }, cwd)).rejects.toThrow(/PORT must be a port number/);
  });
});
