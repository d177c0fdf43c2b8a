import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/start-server.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases.js';

/** The day after `today` plus some days, as a member types it (yyyy/mm/dd). */
function daysAfter(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}

for (const dialect of TEST_DIALECTS) {
  describe(`npm start on a fresh ${dialect === 'pglite' ? 'data folder (embedded database)' : 'PostgreSQL database'}`, () => {
    let dataDir: string;
    let server: RunningServer;
    let database: TestDatabase | undefined;
    const lines: string[] = [];
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-start-'));
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      server = await startServer({
        env: { DATA_DIR: dataDir, PORT: '0', ...(database ? { DATABASE_URL: database.url } : {}) },
        root: process.cwd(),
        log: (line) => lines.push(line),
      });
    });
    afterAll(async () => {
      await server?.close();
      await database?.dispose();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('prints one line with the URL and the demo logins', () => {
      expect(lines.join('\n')).toMatch(
        /MAMIS forms server on http:\/\/localhost:\d+ .*member 123456, office otaru-office/,
      );
    });

    it("files the manual's withdrawal by API alone and shows 申請 for each association", async () => {
      const signIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: '123456', password: 'demo1234' }),
      });
      expect(signIn.status).toBe(200);
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

      const form = await fetch(`${server.url}/api/forms/withdrawal`, { headers: { Cookie: cookie } });
      expect(form.status).toBe(200);
      const {
        form: definition,
        sources,
        today,
      } = (await form.json()) as {
        form: { version: number };
        sources: Record<string, { id: string; facility: { ja: string }; associations: { id: string }[] }[]>;
        today: string;
      };
      const group = sources['member.groups']!.find(
        (candidate) => candidate.facility.ja === '医療法人社団 青柳皮膚科医院',
      )!;
      expect(group.associations.map((association) => association.id)).toEqual(['city-otaru', 'pref-01', 'jma']);

      const filed = await fetch(`${server.url}/api/forms/withdrawal/submissions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: cookie,
          'X-CSRF-Token': csrfToken,
          'Idempotency-Key': 'smoke-1',
        },
        body: JSON.stringify({
          version: definition.version,
          data: {
            withdrawFrom: { groupId: group.id, associationIds: ['city-otaru'] },
            withdrawalDate: daysAfter(today, 30),
            reason: 'retirement',
          },
        }),
      });
      expect(filed.status).toBe(201);

      const list = await fetch(`${server.url}/api/me/applications`, { headers: { Cookie: cookie } });
      const { applications } = (await list.json()) as {
        applications: {
          formTitle: { ja: string };
          facility: { ja: string };
          targets: { name: { ja: string }; statusLabel: { ja: string } }[];
        }[];
      };
      expect(applications).toHaveLength(1);
      expect(applications[0]!.formTitle.ja).toBe('退会届');
      expect(applications[0]!.facility.ja).toBe('医療法人社団 青柳皮膚科医院');
      expect(applications[0]!.targets.map((target) => `${target.name.ja} ${target.statusLabel.ja}`)).toEqual([
        '小樽市医師会 申請',
        '北海道医師会 申請',
        '日本医師会 申請',
      ]);
    });

    it('sends the confirmation mails through the outbox (into the mail folder without MAIL_URL)', async () => {
      const mailDir = path.join(dataDir, 'mail');
      let files: string[] = [];
      for (let tries = 0; tries < 40 && files.length === 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        files = await readdir(mailDir).catch(() => []);
      }
      expect(files.some((file) => file.endsWith('.eml'))).toBe(true);
    });
  });
}
