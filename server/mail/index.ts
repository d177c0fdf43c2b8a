/**
 * Mail: Handlebars templates filled from the confirm view and the application record, checked
 * before use, queued in the application's own transaction and sent by a worker over SMTP or
 * into a folder of .eml files.
 */
export type { ApplicationMailer, ApplicationMailInput, OutboxMail } from './application-mail.js';
export { type Backoff, type ExponentialBackoffOptions, exponentialBackoff } from './backoff.js';
export {
  buildMailViewModel,
  type MailRecipient,
  type MailViewModelOptions,
  recipientLocale,
} from './build-mail-view-model.js';
export { type CalendarDay, formatSlashDate, japanDay, toCalendarDay } from './calendar-day.js';
export {
  type CheckTemplateReferencesInput,
  checkTemplateReferences,
  checkTemplateSources,
} from './check-template-references.js';
export { type ApplicationMailerOptions, createApplicationMailer } from './create-application-mailer.js';
export { type FolderTransportOptions, folderTransport } from './folder-transport.js';
export { type MailClock, systemClock } from './mail-clock.js';
export { DECISION_EVENTS, mailModelShape, type Shape } from './mail-model-shape.js';
export { MailTemplateError } from './mail-template-error.js';
export {
  compileMailTemplates,
  loadMailTemplates,
  type MailTemplates,
  type RenderedMail,
} from './mail-templates.js';
export {
  DEFAULT_FROM,
  MailSendError,
  type MailTransport,
  messageIdOf,
  type OutgoingMail,
} from './mail-transport.js';
export type * from './mail-view-model.js';
export {
  DEFAULT_MAX_ATTEMPTS,
  type DrainOptions,
  type DrainResult,
  drainMailOutbox,
  type MailWorker,
  type MailWorkerEvent,
  type MailWorkerOptions,
  startMailWorker,
} from './mail-worker.js';
export { type ClaimedMail, claimDueMails, requeueDeadMails } from './outbox-queue.js';
export { type PreparedMail, renderApplicationMails } from './render-application-mails.js';
export { SAMPLE_DATA, SAMPLE_SOURCES, type SampleMailInputOptions, sampleMailInput } from './sample-mail-input.js';
export { type SmtpTransportOptions, smtpTransport } from './smtp-transport.js';
export { MAIL_HELPERS } from './template-environment.js';
export { readTemplateSources, type TemplateSources } from './template-sources.js';
export { type MailEnvironment, transportFromEnvironment } from './transport-from-environment.js';
export { formatWareki } from './wareki.js';
