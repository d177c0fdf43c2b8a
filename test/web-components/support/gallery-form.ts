import type { FormDefinition } from '../../../engine/index.js';

const t = (ja: string, en: string) => ({ ja, en });

/**
 * A form that is none of the three: every widget once, a condition that reaches across steps,
 * and no interstitials. The components must render it with no code of their own for it.
 */
export const GALLERY_FORM: FormDefinition = {
  id: 'gallery',
  version: 1,
  title: t('項目見本', 'Widget gallery'),
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'count', 'colour', 'size', 'hasDetail', 'detail', 'days', 'startDate', 'group'],
    properties: {
      name: { type: 'string', maxCharacters: 10 },
      note: { type: 'string', maxCharacters: 100 },
      count: { type: 'integer', minimum: 1, maximum: 9 },
      colour: { type: 'string', enum: ['red', 'green', 'blue'] },
      size: { type: 'string', enum: ['xs', 's', 'm', 'l', 'xl', 'xxl'] },
      agree: { type: 'boolean' },
      hasDetail: { type: 'string', enum: ['no', 'yes'] },
      detail: { type: 'string', maxCharacters: 20 },
      days: { type: 'array', items: { type: 'string', enum: ['mon', 'tue', 'wed'] }, minItems: 1, uniqueItems: true },
      startDate: { type: 'string', format: 'date', minDate: 'today' },
      group: {
        type: 'object',
        additionalProperties: false,
        required: ['groupId', 'associationIds'],
        properties: {
          groupId: { type: 'string', minLength: 1 },
          associationIds: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
        },
      },
    },
  },
  fields: {
    name: { label: t('氏名', 'Name'), hint: t('(10文字以内)', '(up to 10 characters)') },
    note: { label: t('備考', 'Note'), widget: 'textarea' },
    count: { label: t('人数', 'Count'), hint: t('(半角数字)', '(digits)') },
    colour: {
      label: t('色', 'Colour'),
      options: { red: t('赤', 'Red'), green: t('緑', 'Green'), blue: t('青', 'Blue') },
    },
    size: {
      label: t('大きさ', 'Size'),
      options: {
        xs: t('XS', 'XS'),
        s: t('S', 'S'),
        m: t('M', 'M'),
        l: t('L', 'L'),
        xl: t('XL', 'XL'),
        xxl: t('XXL', 'XXL'),
      },
    },
    agree: { label: t('案内を希望する', 'Send me news') },
    hasDetail: {
      label: t('詳細の有無', 'Details'),
      options: { no: t('なし', 'None'), yes: t('あり', 'Some') },
    },
    detail: { label: t('詳細', 'Detail'), visibleWhen: { hasDetail: 'yes' } },
    days: {
      label: t('曜日', 'Days'),
      options: { mon: t('月曜', 'Monday'), tue: t('火曜', 'Tuesday'), wed: t('水曜', 'Wednesday') },
    },
    startDate: { label: t('開始日', 'Start date'), hint: t('(半角入力)', '(yyyy/mm/dd)') },
    group: {
      label: t('所属', 'Group'),
      widget: 'association-layers',
      source: { name: 'member.groups' },
      cascade: 'none',
      targetRole: 'leave',
    },
  },
  steps: [
    {
      id: 'first',
      type: 'fields',
      title: t('基本', 'Basics'),
      fields: ['name', 'note', 'count', 'colour', 'size', 'hasDetail'],
    },
    {
      id: 'second',
      type: 'fields',
      title: t('詳細', 'More'),
      fields: ['agree', 'detail', 'days', 'startDate', 'group'],
    },
    { id: 'confirm', type: 'confirm', title: t('確認', 'Confirm'), submit: { label: t('送信する', 'Send') } },
    {
      id: 'done',
      type: 'complete',
      title: t('完了', 'Done'),
      body: [{ type: 'heading', text: t('送信しました', 'Sent') }],
    },
  ],
};
