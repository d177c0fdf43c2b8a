import type { MessageCatalog } from './message-codes.js';

/** Japanese messages, in the manual's voice: the field is named by its label. */
export const MESSAGES_JA: MessageCatalog = {
  required: ({ label }) => `${label}を入力してください`,
  requiredChoice: ({ label }) => `${label}を選択してください`,
  type: ({ label }) => `${label}の形式が正しくありません`,
  format: ({ label }) => `${label}の形式が正しくありません`,
  dateFormat: ({ label }) => `${label}はyyyy/mm/ddの形式で入力してください`,
  dateInvalid: ({ label }) => `${label}に存在しない日付が入力されています`,
  choice: ({ label }) => `${label}は選択肢の中から選んでください`,
  maxCharacters: ({ label, limit }) => `${label}は${limit}文字以内で入力してください`,
  minLength: ({ label, limit }) => `${label}は${limit}文字以上で入力してください`,
  pattern: ({ label }) => `${label}の形式が正しくありません`,
  minimum: ({ label, limit }) => `${label}は${limit}以上の値を入力してください`,
  maximum: ({ label, limit }) => `${label}は${limit}以下の値を入力してください`,
  minItems: ({ label, limit }) => `${label}は${limit}件以上選択してください`,
  maxItems: ({ label, limit }) => `${label}は${limit}件まで選択できます`,
  uniqueItems: ({ label }) => `${label}に同じ値が重複しています`,
  minDate: ({ label, limit }) => `${label}は${limit}以降の日付を入力してください`,
  minDateToday: ({ label }) => `${label}は本日以降の日付を入力してください`,
  maxDate: ({ label, limit }) => `${label}は${limit}以前の日付を入力してください`,
  maxDateToday: ({ label }) => `${label}は本日以前の日付を入力してください`,
  unknownField: ({ field }) => `「${field}」はこの申請にない項目です`,
  notInSource: ({ label }) => `${label}は選択できる項目の中から選んでください`,
  unknownGroup: ({ label }) => `${label}：選択された所属グループからは申請できません`,
  outsideGroup: ({ label }) =>
    `${label}に、このグループでは申請できない医師会が含まれています（1回の申請で選択できるのは1つのグループのみです）`,
  notAnObject: () => '申請内容の形式が正しくありません',
  invalid: ({ label }) => `${label}の入力内容が正しくありません`,
};
