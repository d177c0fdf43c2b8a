import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../support/test-databases.js';
import { ApiClient, signedIn } from '../support/api-client.js';
import { manualWithdrawal } from '../support/fixtures.js';
import { createTestApp, embedToken, type TestApp } from '../support/test-app.js';

/** Counts the statements executed through the database it is added to. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
}

for (const dialect of TEST_DIALECTS) {
  describe(`the statements of a submission on ${dialect}`, () => {
    let t: TestApp;
    let app: TestApp['app'];
    const counter = new StatementCounter();
    beforeAll(async () => {
      t = await createTestApp(dialect, { plugins: [counter] });
      app = t.app;
    });
    afterAll(async () => {
      await t.dispose();
    });

    it('costs a signed-in member two: their session with what they submit as, and the write', async () => {
      const taro = await signedIn(app, '123456');
      counter.count = 0;
      const response = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), {
        headers: { 'Idempotency-Key': 'two-statements' },
      });
      expect(response.status).toBe(201);
      expect(counter.count).toBe(2);
      // A retry with the key gets the application the first one created.
      const retry = await taro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), {
        headers: { 'Idempotency-Key': 'two-statements' },
      });
      expect(retry.status).toBe(200);
      expect(retry.body.application.id).toBe(response.body.application.id);
    });

    it('costs an embedding site one more: its token names the member, who is read apart', async () => {
      const site = new ApiClient(app);
      site.bearer = await embedToken(t.clock, { sub: '234567' });
      counter.count = 0;
      const response = await site.post(
        '/api/forms/withdrawal/submissions',
        manualWithdrawal({ withdrawFrom: { groupId: 'group-234567-shinjuku', associationIds: ['city-shinjuku'] } }),
      );
      expect(response.status).toBe(201);
      expect(counter.count).toBe(3);
    });

    it('refuses an expired session with 401 and an office session with 403, writing nothing', async () => {
      const kenichi = await signedIn(app, '345678');
      t.clock.advance(13 * 60 * 60 * 1000);
      const expired = await kenichi.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(expired.status).toBe(401);
      expect(expired.body.error).toEqual({ code: 'unauthenticated', message: 'ログインしてください' });
      const office = await signedIn(app, 'otaru-office');
      const forbidden = await office.post('/api/forms/withdrawal/submissions', manualWithdrawal());
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe('forbidden');
      expect(await t.database.db.selectFrom('applications').select('member_id').orderBy('member_id').execute()).toEqual(
        [{ member_id: 'member-123456' }, { member_id: 'member-234567' }],
      );
    });

    it('checks an Idempotency-Key after the caller: 401 anonymous, 400 for a member', async () => {
      const headers = { 'Idempotency-Key': 'not valid: spaces' };
      const anonymous = await new ApiClient(app).post('/api/forms/withdrawal/submissions', manualWithdrawal(), {
        headers,
      });
      expect(anonymous.status).toBe(401);
      const jiro = await signedIn(app, '567890');
      const refused = await jiro.post('/api/forms/withdrawal/submissions', manualWithdrawal(), { headers });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('Idempotency-Key ヘッダーの値が正しくありません');
    });
  });
}
