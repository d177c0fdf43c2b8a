/**
 * What a start needs besides its settings and the database. `start-server.ts` imports it while
 * it reads the settings and V8 compiles the embedded database's WebAssembly in the background.
 * The mail transports (nodemailer) are not here: the mail worker loads them when it starts, a
 * second after the server listens.
 */

export { serve } from '@hono/node-server';
export { formatIssue } from '../engine/index.js';
export { createApp } from './app.js';
export { migrateToLatest } from './db/migrate.js';
export { seedDemoData } from './db/seed/index.js';
export { serviceUnavailableResponse } from './errors/handle-error.js';
export { allVersionsStored, loadForms, projectFolders, readPassedCheck, recordPassedCheck } from './forms/index.js';
export { exponentialBackoff } from './mail/backoff.js';
export { createApplicationMailer } from './mail/create-application-mailer.js';
export { compileMailTemplates } from './mail/mail-templates.js';
export { startMailWorker } from './mail/mail-worker.js';
export { readTemplateSources } from './mail/template-sources.js';
export { uuidV7 } from './runtime/new-id.js';
export { syncFormVersions } from './store/form-versions.js';
