import type { Page } from 'playwright-core';
import { currentStep } from './form-probe.js';

/**
 * Fills the withdrawal form the manual's way, calling `at` on every screen: retention, dialog,
 * 医師会選択 (empty, with errors, filled), 確認・申請 and 完了.
 */
export async function walkWithdrawal(page: Page, at: (screen: string) => Promise<void>): Promise<void> {
  const form = page.locator('mamis-form');
  await form.locator('.title').waitFor();
  await at('1-retention');
  await form.getByRole('button', { name: '退会する' }).click();
  await form.getByRole('dialog').waitFor();
  await at('2-dialog');
  await form.getByRole('button', { name: '実行する' }).click();
  await form.getByRole('button', { name: '確認画面に進む' }).waitFor();
  await at('3-select');
  await form.getByRole('button', { name: '確認画面に進む' }).click();
  await form.locator('.error-summary').waitFor();
  await at('4-errors');
  await form
    .getByRole('group', { name: /青柳皮膚科医院/ })
    .getByRole('checkbox', { name: '3層 小樽市医師会' })
    .check();
  await form.getByRole('textbox', { name: '退会希望年月日' }).fill('2024/10/31');
  await form.getByRole('radio', { name: 'その他' }).check();
  await form.getByRole('textbox', { name: 'その他の退会事由' }).fill('海外で研究に専念するため');
  await form.getByRole('textbox', { name: 'その他の退会事由' }).blur();
  await at('5-filled');
  await form.getByRole('button', { name: '確認画面に進む' }).click();
  await form.getByRole('button', { name: '退会を申請する' }).waitFor();
  await at('6-confirm');
  await form.getByRole('button', { name: '退会を申請する' }).click();
  await form.getByRole('heading', { name: '退会の申請を受付けました' }).waitFor();
  if ((await currentStep(page)) !== 'done') throw new Error('the walk did not end on the completion step');
  await at('7-complete');
}
