import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderTransport } from '../../server/mail/folder-transport.js';
import { signedIn } from '../server/support/api-client.js';
import { manualWithdrawal } from '../server/support/fixtures.js';
import { signedInPages } from './support/page-client.js';
import { createPortalApp, type PortalTestApp } from './support/portal-app.js';

/** Markup a member or an office might type, that must only ever show as text. */
const REASON = '<script>alert("reason")</script>';
const COMMENT = "<img src=x onerror=alert(1)><script>alert('comment')</script>";

describe('what members and offices type is escaped on every page', () => {
  let t: PortalTestApp;
  let applicationId: string;
  beforeAll(async () => {
    t = await createPortalApp();
    const taro = await signedIn(t.app, '123456');
    const filed = await taro.post(
      '/api/forms/withdrawal/submissions',
      manualWithdrawal({ reason: 'other', reasonOther: REASON }),
    );
    expect(filed.status).toBe(201);
    applicationId = filed.body.application.id;
    const office = await signedInPages(t.app, 'otaru-office');
    const returned = await office.post(`/office/applications/${applicationId}/decision`, {
      _csrf: await office.csrfToken('/office'),
      decision: 'return',
      comment: COMMENT,
    });
    expect(returned.status).toBe(303);
    // A mail as the folder transport writes it, with the same texts in subject and body.
    await folderTransport({ dir: t.mailFolder }).send({
      id: 'xss-mail',
      to: 'taro@example.jp',
      subject: `退会届 ${REASON}`,
      text: `退会事由：${REASON}\nコメント：${COMMENT}`,
      html: `<p>${REASON}</p>`,
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('shows the reason and the comment as text on the office pages, never as markup', async () => {
    const office = await signedInPages(t.app, 'otaru-office');
    for (const path of ['/office', '/office?status=returned', `/office/applications/${applicationId}`]) {
      const page = await office.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).not.toContain('<script>alert');
      expect(page.text, path).not.toContain('<img src=x');
    }
    const detail = (await office.get(`/office/applications/${applicationId}`)).text;
    expect(detail).toContain('&lt;script&gt;alert(&quot;reason&quot;)&lt;/script&gt;');
    expect(detail).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps a refused comment, typed back into the form, escaped inside the textarea', async () => {
    const taro = await signedIn(t.app, '123456');
    const second = await taro.post(
      '/api/forms/withdrawal/submissions',
      manualWithdrawal({ withdrawFrom: { groupId: 'group-123456-chiyoda', associationIds: ['city-chiyoda'] } }),
    );
    expect(second.status).toBe(201);
    const chiyoda = await signedInPages(t.app, 'chiyoda-office');
    const refused = await chiyoda.post(`/office/applications/${second.body.application.id}/decision`, {
      _csrf: await chiyoda.csrfToken('/office'),
      decision: 'no-such-decision',
      comment: '</textarea><script>alert(1)</script>',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
  });

  it('shows mail subjects and bodies as text in the sent-mail pages', async () => {
    const member = await signedInPages(t.app, '123456');
    const list = await member.get('/dev/mail');
    expect(list.text).not.toContain('<script>alert');
    expect(list.text).toContain('退会届 &lt;script&gt;');
    const name = /href="\/dev\/mail\/([^"/]+\.eml)"/.exec(list.text)?.[1];
    const detail = await member.get(`/dev/mail/${name}`);
    expect(detail.text).not.toContain('<script>alert');
    expect(detail.text).not.toContain('<img src=x');
    expect(detail.text).toContain('退会事由：&lt;script&gt;');
  });
});
