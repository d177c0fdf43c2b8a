import { randomUUID } from 'node:crypto';
import type { Decision } from '../../../server/store/decide-target.js';
import type { ApiClient } from '../../server/support/api-client.js';
import type { DemoServer } from './demo-server.js';

/**
 * What members and offices do outside the page under test, through the real API in-process:
 * file an application, save a draft, decide a target. Each fails loudly if the server refuses.
 */

/** Files an application as the member and returns its id. */
export async function fileApplication(
  server: DemoServer,
  login: string,
  formId: string,
  data: Record<string, unknown>,
): Promise<string> {
  const member = await server.client(login);
  const version = await currentVersion(member, formId);
  const response = await member.post(
    `/api/forms/${formId}/submissions`,
    { version, data },
    { headers: { 'Idempotency-Key': randomUUID() } },
  );
  if (response.status !== 201) throw new Error(`Filing ${formId} failed: ${JSON.stringify(response.body)}`);
  return (response.body as { application: { id: string } }).application.id;
}

/** An association office's decision on its own target of an application (申請中, 承認, 差戻し). */
export async function decide(
  server: DemoServer,
  officeLogin: string,
  applicationId: string,
  decision: Decision,
  comment?: string,
): Promise<void> {
  const office = await server.client(officeLogin);
  const response = await office.post(`/api/office/applications/${applicationId}/decision`, { decision, comment });
  if (response.status !== 200)
    throw new Error(`${officeLogin} could not ${decision}: ${JSON.stringify(response.body)}`);
}

/** Saves a draft as the member, as the form does while it is filled in. */
export async function saveDraft(
  server: DemoServer,
  login: string,
  formId: string,
  draft: { stepId: string; data: Record<string, unknown> },
): Promise<void> {
  const member = await server.client(login);
  const version = await currentVersion(member, formId);
  const response = await member.put(`/api/me/drafts/${formId}`, { version, ...draft });
  if (response.status !== 200) throw new Error(`Saving the draft failed: ${JSON.stringify(response.body)}`);
}

/** The form's published version, as the page would get it. */
async function currentVersion(client: ApiClient, formId: string): Promise<number> {
  const response = await client.get(`/api/forms/${formId}`);
  if (response.status !== 200) throw new Error(`No form ${formId}: ${JSON.stringify(response.body)}`);
  return (response.body as { form: { version: number } }).form.version;
}
