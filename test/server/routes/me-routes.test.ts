import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/me on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.dispose();
    });

    it("gives マイページ's header: name, 医籍登録番号 and 日本医師会 20年以上", async () => {
      const taro = await signedIn(t.app, '123456');
      const response = await taro.get('/api/me');
      expect(response.status).toBe(200);
      expect(response.body.member).toEqual({
        id: 'member-123456',
        name: '日医 太郎',
        registrationNumber: '123456',
        email: 'taro@example.jp',
        locale: 'ja',
        seniority: {
          associationName: { ja: '日本医師会', en: 'Japan Medical Association' },
          years: 23,
          label: { ja: '20年以上', en: '20+ years' },
        },
      });
    });

    it('counts seniority in whole years and has none without a national membership', async () => {
      const emily = await signedIn(t.app, '456789');
      expect((await emily.get('/api/me')).body.member.seniority).toMatchObject({ years: 5, label: { ja: '5年以上' } });
      const jiro = await signedIn(t.app, '567890');
      expect((await jiro.get('/api/me')).body.member.seniority).toBeNull();
    });

    it('lists the 入退会履歴, latest first, with ended memberships', async () => {
      const taro = await signedIn(t.app, '123456');
      const { body } = await taro.get('/api/me/history');
      expect(
        body.history.map((entry: { associationId: string; startedOn: string; endedOn: string | null }) => [
          entry.associationId,
          entry.startedOn,
          entry.endedOn,
        ]),
      ).toEqual([
        ['city-chiyoda', '2015-10-01', null],
        ['pref-13', '2015-10-01', null],
        ['city-otaru', '2003-04-01', null],
        ['pref-01', '2003-04-01', null],
        ['jma', '2003-04-01', null],
        ['city-sapporo', '1996-04-01', '2003-03-31'],
      ]);
      expect(body.history[2]).toEqual({
        associationId: 'city-otaru',
        name: { ja: '小樽市医師会', en: 'Otaru City Medical Association' },
        layer: 3,
        facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
        startedOn: '2003-04-01',
        endedOn: null,
      });
    });

    it('is 403 for an office and 401 for anyone not signed in', async () => {
      const office = await signedIn(t.app, 'otaru-office');
      expect((await office.get('/api/me')).status).toBe(403);
      expect((await office.get('/api/me/history')).status).toBe(403);
      expect((await new ApiClient(t.app).get('/api/me')).status).toBe(401);
      expect((await new ApiClient(t.app).get('/api/me/history')).status).toBe(401);
    });
  });
}
