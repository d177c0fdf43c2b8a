/** Every error the engine reports, by a stable code. Each locale's catalogue covers all of them. */
export const MESSAGE_CODES = [
  'required',
  'requiredChoice',
  'type',
  'format',
  'dateFormat',
  'dateInvalid',
  'choice',
  'maxCharacters',
  'minLength',
  'pattern',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minDate',
  'minDateToday',
  'maxDate',
  'maxDateToday',
  'unknownField',
  'notInSource',
  'unknownGroup',
  'outsideGroup',
  'notAnObject',
  'invalid',
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

/** Values a message may name: the field's label, a limit, the field's key. */
export interface MessageParams {
  readonly label: string;
  readonly limit?: string | number;
  readonly field?: string;
}

export type MessageCatalog = Readonly<Record<MessageCode, (params: MessageParams) => string>>;
