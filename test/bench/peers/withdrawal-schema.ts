/**
 * The withdrawal form's data as the peers render it: the same fields, as plain JSON Schema
 * (the peers know nothing of our steps, sources or cascade; this favours them).
 */
export const withdrawalSchema = {
  type: 'object',
  required: ['associationIds', 'withdrawalDate', 'reason'],
  properties: {
    associationIds: {
      type: 'array',
      title: '退会する医師会',
      uniqueItems: true,
      items: { type: 'string', enum: ['city-otaru', 'pref-01', 'jma'] },
    },
    withdrawalDate: { type: 'string', format: 'date', title: '退会希望年月日' },
    reason: { type: 'string', title: '退会事由', enum: ['retirement', 'death', 'other'] },
    reasonOther: { type: 'string', title: 'その他の退会事由', maxLength: 50 },
  },
} as const;
