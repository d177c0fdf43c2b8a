import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/password-hash.js';
import { seedDemoData } from '../../../server/db/seed/index.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../support/test-databases.js';

const cheap = (password: string) => hashPassword(password, { N: 1024, r: 8, p: 1 });

for (const dialect of TEST_DIALECTS) {
  describe(`demo data on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database.dispose();
    });

    it('writes 日本医師会, the 47 prefectural associations and a dozen city associations, then nothing more', async () => {
      const first = await seedDemoData(database.db, { hashPassword: cheap });
      expect(first.associations).toBe(60);
      const second = await seedDemoData(database.db, { hashPassword: cheap });
      expect(second).toEqual({ associations: 0, members: 0, accounts: 0 });
      const rows = await database.db.selectFrom('associations').selectAll().orderBy('sort_order').execute();
      const prefectures = rows.filter((row) => row.layer === 2);
      expect(prefectures).toHaveLength(47);
      expect(prefectures.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          '北海道医師会',
          '青森県医師会',
          '東京都医師会',
          '京都府医師会',
          '大阪府医師会',
          '沖縄県医師会',
        ]),
      );
      expect(prefectures[12]).toMatchObject({
        id: 'pref-13',
        name: '東京都医師会',
        name_en: 'Tokyo Medical Association',
        prefecture_code: 13,
      });
      expect(rows.find((row) => row.id === 'city-otaru')).toMatchObject({
        name: '小樽市医師会',
        layer: 3,
        parent_id: 'pref-01',
        office_email: 'office@otaru.example.jp',
      });
      expect(rows.filter((row) => row.layer === 3).length).toBeGreaterThanOrEqual(12);
      expect(rows.every((row) => /@[\w-]+\.example\.(jp|org)$/.test(row.office_email))).toBe(true);
    });

    it('gives every association an office account and every demo account the password demo1234', async () => {
      const accounts = await database.db.selectFrom('accounts').selectAll().execute();
      const offices = accounts.filter((account) => account.role === 'office');
      expect(offices).toHaveLength(60);
      expect(offices.map((account) => account.login)).toEqual(
        expect.arrayContaining(['otaru-office', 'hokkaido-office', 'jma-office', 'tokyo-office']),
      );
      expect(accounts.find((account) => account.login === 'staff')?.role).toBe('staff');
      // The demo password is published, so the demo accounts share one real scrypt hash of it.
      expect(new Set(accounts.map((account) => account.password_hash)).size).toBe(1);
      expect(accounts[0]?.password_hash).toMatch(/^scrypt\$/);
      for (const login of ['123456', 'otaru-office', 'staff']) {
        const account = accounts.find((candidate) => candidate.login === login)!;
        expect(await verifyPassword('demo1234', account.password_hash)).toBe(true);
        expect(await verifyPassword('demo12345', account.password_hash)).toBe(false);
      }
    });

    it("gives 日医 太郎 the manual's group and a second one elsewhere", async () => {
      const groups = await database.db
        .selectFrom('groups')
        .innerJoin('memberships', 'memberships.group_id', 'groups.id')
        .select([
          'groups.facility_name',
          'memberships.association_id',
          'memberships.started_on',
          'memberships.ended_on',
        ])
        .where('groups.member_id', '=', 'member-123456')
        .where('memberships.ended_on', 'is', null)
        .orderBy('groups.created_at')
        .execute();
      expect(
        groups
          .filter((row) => row.facility_name === '医療法人社団 青柳皮膚科医院')
          .map((row) => row.association_id)
          .sort(),
      ).toEqual(['city-otaru', 'jma', 'pref-01']);
      expect(
        groups
          .filter((row) => row.facility_name !== '医療法人社団 青柳皮膚科医院')
          .map((row) => row.association_id)
          .sort(),
      ).toEqual(['city-chiyoda', 'pref-13']);
      expect(groups.find((row) => row.association_id === 'jma')?.started_on).toBe('2003-04-01');
    });
  });
}
