import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, type Locale } from '../../engine/index.js';
import { openDatabase } from '../db/open-database.js';
import { loadForms, projectFolders } from '../forms/index.js';
import {
  drainMailOutbox,
  readTemplateSources,
  requeueDeadMails,
  startMailWorker,
  transportFromEnvironment,
} from '../mail/index.js';
import { PreviewError, previewMail } from '../mail/preview-mail.js';

const USAGE = `Usage: npm run mail -- <command>
  worker [--once]            send queued mail (SMTP when MAIL_URL is set, else .eml files in DATA_DIR/mail);
                             --once sends what is due and exits
  retry-dead                 queue the mails marked dead again (e.g. after a long mail server outage)
  preview <template> [data.json] [--lang en] [--form ID] [--html out.html] [--model]
                             render a template with a sample application (or data.json laid over
                             the sample's values; --model prints those values to start from)`;

/** `npm run mail -- …`: the mail worker on its own, and template previews for staff. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string', default: 'ja' },
      form: { type: 'string' },
      html: { type: 'string' },
      model: { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'worker':
      return runWorker(values.once);
    case 'retry-dead':
      return retryDead();
    case 'preview': {
      const [template, dataFile] = rest;
      if (!template) break;
      const locale: Locale = values.lang === 'en' ? 'en' : 'ja';
      return runPreview({ template, dataFile, locale, formId: values.form, html: values.html, model: values.model });
    }
  }
  console.error(USAGE);
  return 2;
}

/**
 * The worker alone. With the embedded database only one process may open the data folder, so
 * this is for a PostgreSQL server (DATABASE_URL) or for when the server is not running; the
 * server runs its own worker in any case.
 */
async function runWorker(once: boolean): Promise<number> {
  const env = process.env;
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  const database = await openDatabase({
    url: env.DATABASE_URL?.trim() || undefined,
    dataDir: path.join(dataDir, 'db'),
  });
  const transport = transportFromEnvironment(env);
  console.log(
    `Mail worker: ${database.dialect === 'pglite' ? `embedded database in ${dataDir}` : 'PostgreSQL server'} → ${transport.description}`,
  );
  try {
    if (once) {
      const result = await drainMailOutbox({ db: database.db, transport });
      console.log(`Sent ${result.sent}, to retry ${result.retried}, given up ${result.dead}.`);
      return 0;
    }
    const worker = startMailWorker({
      db: database.db,
      transport,
      onEvent: (event) => {
        if (event.type === 'sent') console.log(`sent ${event.id} to ${event.to}`);
        else if (event.type === 'failed') {
          console.error(
            `mail ${event.id}: attempt ${event.attempt} failed${event.dead ? ', giving up' : ''}: ${event.error}`,
          );
        } else if (event.type === 'lease-lost') console.error(`mail ${event.id}: lease lost during the send`);
        else console.error('mail worker:', event.error);
      },
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    console.log('Stopping after the mail in hand…');
    await worker.stop();
    return 0;
  } finally {
    await transport.close();
    await database.close();
  }
}

async function retryDead(): Promise<number> {
  const database = await openWorkerDatabase();
  try {
    const count = await requeueDeadMails(database.db, new Date());
    console.log(`Queued ${count} mail(s) again; the worker sends them.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** The server's database: DATABASE_URL, or the embedded one in DATA_DIR/db. */
function openWorkerDatabase() {
  const dataDir = path.resolve(process.env.DATA_DIR?.trim() || './data');
  return openDatabase({ url: process.env.DATABASE_URL?.trim() || undefined, dataDir: path.join(dataDir, 'db') });
}

async function runPreview(options: {
  template: string;
  dataFile: string | undefined;
  locale: Locale;
  formId: string | undefined;
  html: string | undefined;
  model: boolean;
}): Promise<number> {
  const folders = projectFolders();
  const { forms, issues: formIssues } = await loadForms(folders);
  for (const issue of formIssues) console.error(formatIssue(issue, options.locale));
  const overrides = options.dataFile ? (JSON.parse(await readFile(options.dataFile, 'utf8')) as unknown) : undefined;
  try {
    const preview = previewMail({
      forms: [...forms.values()].map((loaded) => loaded.form),
      sources: await readTemplateSources(folders.templatesDir),
      template: options.template,
      locale: options.locale,
      formId: options.formId,
      overrides,
    });
    for (const issue of preview.issues) console.error(formatIssue(issue, options.locale));
    if (options.model) {
      console.log(JSON.stringify(preview.model, null, 2));
      return 0;
    }
    const subjectLabel = options.locale === 'ja' ? '件名' : 'Subject';
    console.log(`(${preview.form.id} /mail: ${preview.hook.on} → ${preview.hook.to})`);
    console.log(`${subjectLabel}: ${preview.rendered.subject}\n`);
    console.log(preview.rendered.text);
    if (options.html) {
      await writeFile(options.html, preview.rendered.html);
      console.log(`HTML: ${options.html}`);
    }
    return preview.issues.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    console.error(error.message);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
