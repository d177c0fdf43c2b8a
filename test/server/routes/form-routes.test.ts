import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantiateValidator, type ValidatorFactory } from '../../../engine/runtime/validator-runtime.js';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`/api/forms on ${dialect}`, () => {
    let t: TestApp;
    let taro: ApiClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      taro = await signedIn(t.app, '123456');
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('lists the published forms with their current versions', async () => {
      const response = await taro.get('/api/forms');
      expect(response.status).toBe(200);
      expect(response.body.forms).toEqual([
        expect.objectContaining({ id: 'enrollment', version: 1, title: { ja: '入会届', en: 'Enrollment' } }),
        expect.objectContaining({ id: 'transfer', version: 1, title: { ja: '異動届', en: 'Transfer' } }),
        expect.objectContaining({ id: 'withdrawal', version: 1, title: { ja: '退会届', en: 'Withdrawal' } }),
      ]);
    });

    it("gives the withdrawal form with the member's groups, lowest layer first, and today in Japan", async () => {
      const response = await taro.get('/api/forms/withdrawal');
      expect(response.status).toBe(200);
      expect(response.body.form).toMatchObject({
        id: 'withdrawal',
        version: 1,
        hash: expect.stringMatching(/^sha256:/),
      });
      expect(response.body.form.definition.steps.map((step: { id: string }) => step.id)).toEqual([
        'retention',
        'reconfirm',
        'select',
        'confirm',
        'done',
      ]);
      expect(response.body.validatorUrl).toBe('/api/forms/withdrawal/versions/1/validator.js');
      expect(response.body.today).toBe('2026-11-25');
      expect(response.body.sources['member.groups']).toEqual([
        {
          id: 'group-123456-aoyagi',
          facility: { ja: '医療法人社団 青柳皮膚科医院', en: 'Aoyagi Dermatology Clinic' },
          associations: [
            { id: 'city-otaru', name: { ja: '小樽市医師会', en: 'Otaru City Medical Association' }, layer: 3 },
            { id: 'pref-01', name: { ja: '北海道医師会', en: 'Hokkaido Medical Association' }, layer: 2 },
            { id: 'jma', name: { ja: '日本医師会', en: 'Japan Medical Association' }, layer: 1 },
          ],
        },
        {
          id: 'group-123456-chiyoda',
          facility: { ja: '千代田丸の内クリニック', en: 'Chiyoda Marunouchi Clinic' },
          associations: [
            { id: 'city-chiyoda', name: { ja: '千代田区医師会', en: 'Chiyoda Ward Medical Association' }, layer: 3 },
            { id: 'pref-13', name: { ja: '東京都医師会', en: 'Tokyo Medical Association' }, layer: 2 },
          ],
        },
      ]);
    });

    it('resolves the prefectures and joinable chains for the enrollment form', async () => {
      const { body } = await taro.get('/api/forms/enrollment');
      const prefectures = body.sources['associations.prefectures'];
      expect(prefectures).toHaveLength(47);
      expect(prefectures[0]).toEqual({
        value: 'pref-01',
        label: { ja: '北海道医師会', en: 'Hokkaido Medical Association' },
        parent: 'jma',
      });
      expect(prefectures[46].label.ja).toBe('沖縄県医師会');
      const chains = body.sources['associations.chains'];
      const hokkaido = chains.filter((chain: { parent: string }) => chain.parent === 'pref-01');
      // 日医 太郎 already belongs to 小樽市医師会, 北海道医師会 and 日本医師会: only what he
      // could still join is offered.
      expect(hokkaido.map((chain: { id: string }) => chain.id)).toEqual([
        'chain:city-sapporo',
        'chain:city-hakodate',
        'chain:city-asahikawa',
      ]);
      expect(hokkaido[0].associations.map((a: { id: string; layer: number }) => [a.id, a.layer])).toEqual([
        ['city-sapporo', 3],
      ]);
      const aomori = chains.filter((chain: { parent: string }) => chain.parent === 'pref-02');
      expect(aomori[0].associations.map((a: { id: string }) => a.id)).toEqual(['pref-02']);
      expect(body.sources['member.groups']).toBeUndefined();
    });

    it('shows an office the form with no groups of its own', async () => {
      const office = await signedIn(t.app, 'otaru-office');
      const { body } = await office.get('/api/forms/withdrawal');
      expect(body.sources['member.groups']).toEqual([]);
    });

    it('serves the precompiled validator as a public, immutable ES module', async () => {
      const response = await new ApiClient(t.app).get('/api/forms/withdrawal/versions/1/validator.js');
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      // A module whose default export, given the validator runtime, checks a withdrawal.
      const module = (await import(`data:text/javascript,${encodeURIComponent(response.body)}`)) as {
        default: ValidatorFactory;
      };
      const validate = instantiateValidator(module.default);
      expect(validate({ reason: 'retirement' })).toBe(false);
      expect(validate.errors?.map((error) => error.params)).toContainEqual({ missingProperty: 'withdrawFrom' });
      expect(response.body).not.toMatch(/日医|123456/);
    });

    it('sends the validator gzipped to a browser that accepts it', async () => {
      const url = '/api/forms/withdrawal/versions/1/validator.js';
      const plain = await t.app.request(url);
      const zipped = await t.app.request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
      expect(zipped.headers.get('Vary')).toMatch(/accept-encoding/i);
      const bytes = Buffer.from(await zipped.arrayBuffer());
      const text = await plain.text();
      expect(gunzipSync(bytes).toString()).toBe(text);
      expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text) / 2);
    });

    it('is 404 for a version or form that was never published', async () => {
      expect((await new ApiClient(t.app).get('/api/forms/withdrawal/versions/9/validator.js')).status).toBe(404);
      expect((await new ApiClient(t.app).get('/api/forms/withdrawal/versions/x/validator.js')).status).toBe(404);
      expect((await taro.get('/api/forms/nonexistent')).status).toBe(404);
    });

    it('is 401 for anonymous callers', async () => {
      expect((await new ApiClient(t.app).get('/api/forms')).status).toBe(401);
      expect((await new ApiClient(t.app).get('/api/forms/withdrawal')).status).toBe(401);
    });
  });
}
