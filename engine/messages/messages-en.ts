import type { MessageCatalog } from './message-codes.js';

/** English messages, the second locale. */
export const MESSAGES_EN: MessageCatalog = {
  required: ({ label }) => `Enter ${label.toLowerCase()}`,
  requiredChoice: ({ label }) => `Choose ${label.toLowerCase()}`,
  type: ({ label }) => `${label} has the wrong form`,
  format: ({ label }) => `${label} has the wrong form`,
  dateFormat: ({ label }) => `${label} must be a date written yyyy/mm/dd`,
  dateInvalid: ({ label }) => `${label} is not a real date`,
  choice: ({ label }) => `${label} must be one of the choices`,
  maxCharacters: ({ label, limit }) => `${label} must be at most ${limit} characters`,
  minLength: ({ label, limit }) => `${label} must be at least ${limit} characters`,
  pattern: ({ label }) => `${label} has the wrong form`,
  minimum: ({ label, limit }) => `${label} must be ${limit} or more`,
  maximum: ({ label, limit }) => `${label} must be ${limit} or less`,
  minItems: ({ label, limit }) => `Choose at least ${limit} for ${label.toLowerCase()}`,
  maxItems: ({ label, limit }) => `Choose at most ${limit} for ${label.toLowerCase()}`,
  uniqueItems: ({ label }) => `${label} lists the same value twice`,
  minDate: ({ label, limit }) => `${label} must be ${limit} or later`,
  minDateToday: ({ label }) => `${label} must be today or later`,
  maxDate: ({ label, limit }) => `${label} must be ${limit} or earlier`,
  maxDateToday: ({ label }) => `${label} must be today or earlier`,
  unknownField: ({ field }) => `“${field}” is not a field of this form`,
  notInSource: ({ label }) => `${label} must be one of the choices offered`,
  unknownGroup: ({ label }) => `${label}: you cannot apply for the chosen group`,
  outsideGroup: ({ label }) =>
    `${label} includes an association you cannot apply for in this group (one application covers one group)`,
  notAnObject: () => 'The application is not in the expected form',
  invalid: ({ label }) => `${label} is not valid`,
};
