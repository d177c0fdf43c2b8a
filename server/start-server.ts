import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { embeddedDatabaseFolder, readServerSettings, type ServerEnvironment } from './config/server-settings.js';
import type { Database } from './db/database.js';
import { preloadEmbeddedDatabase } from './db/embedded-database-preload.js';
import { startOpeningDatabase } from './db/open-database.js';
import type { LoadedForm } from './forms/index.js';
import { RequestActivity } from './http/request-activity.js';
import type { ApplicationMailer, MailWorker } from './mail/index.js';

type StartModules = typeof import('./start-modules.js');

declare global {
  /** The bundle's own fingerprint, written into it by its build (`server/build-server.ts`). */
  var MAMIS_SERVER_BUILD: string | undefined;
}

export interface StartServerOptions {
  readonly env: ServerEnvironment;
  /** The project folder: `forms/`, `templates/` and `web-components/dist/` are found here. */
  readonly root: string;
  readonly log?: (line: string) => void;
  /**
   * The code's fingerprint, for skipping the forms check on files a start under this very code
   * checked (the bundle's by default). Run from source there is none: every start checks all.
   */
  readonly build?: string | undefined;
}

export interface RunningServer {
  readonly url: string;
  /** Stops taking requests, lets the mail worker finish its mail, closes the database. */
  close(): Promise<void>;
}

/** How long after the server listens the mail worker first looks at the outbox. */
const MAIL_WORKER_START_DELAY_MS = 1_000;

/** Refuses to start: the message says what to fix. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * Everything `npm start` does: read the environment, load and check the forms, listen while the
 * database opens, then migrate it (seeding the demo data into an empty one), publish the forms'
 * versions, and start the mail worker. Requests that come before the database is ready wait.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Two things at once from the first moment: the embedded database opens in its own thread
  // (it loads PGlite, compiles its WebAssembly and opens the folder), while this thread loads
  // the rest of the server and reads the settings. `settled`: a failure is reported once
  // awaited below, and not at all if the settings are refused first.
  const embeddedFolder = embeddedDatabaseFolder(options.env, options.root);
  if (embeddedFolder !== undefined) preloadEmbeddedDatabase(embeddedFolder);
  const loading = settled(import('./start-modules.js'));
  const settings = await readServerSettings(options.env, options.root);
  await mkdir(settings.dataDir, { recursive: true });
  const opening = settled(startOpeningDatabase({ url: settings.databaseUrl, dataDir: embeddedFolder }));
  const modules = await loading.catch(async (error: unknown) => {
    await opening.then(
      ({ database }) => database.close(),
      () => {},
    );
    throw error;
  });
  const {
    compileMailTemplates,
    createApp,
    createApplicationMailer,
    exponentialBackoff,
    formatIssue,
    loadForms,
    projectFolders,
    readPassedCheck,
    readTemplateSources,
    recordPassedCheck,
    serve,
    serviceUnavailableResponse,
    startMailWorker,
    uuidV7,
  } = modules;
  // The forms and the mail templates are read and compiled while the database opens: the
  // embedded one compiles its WebAssembly off this thread meanwhile. Their failures are
  // reported below, once awaited; `settled` keeps them from counting as unhandled before that.
  // The templates are read once, for the forms' check and for the mailer, which share the
  // parsing and compiling of each file. Files the last start here checked under this same code
  // are not checked again (see forms/passed-check.ts).
  const folders = projectFolders(options.root);
  const templateSources = settled(readTemplateSources(folders.templatesDir));
  const passedCheck = readPassedCheck(settings.dataDir);
  const build = 'build' in options ? options.build : globalThis.MAMIS_SERVER_BUILD;
  const formsLoading = settled(
    passedCheck.then((passed) => loadForms({ ...folders, templateSources, build, passedCheck: passed })),
  );
  const templatesLoading = settled(
    formsLoading.then(async ({ checkSkipped }) =>
      compileMailTemplates(await templateSources, { compiledBefore: checkSkipped }),
    ),
  );
  const { database, opened } = await opening;
  const { db } = database;
  let databaseReady: Promise<void> | undefined;
  try {
    const { forms, issues, fingerprint, checkSkipped } = await formsLoading;
    if (issues.length > 0) {
      throw new StartupError(
        `The form definitions have problems; the server does not start until they are fixed:\n${issues.map((issue) => formatIssue(issue)).join('\n')}`,
      );
    }
    // Asked now, the database's first queries are answered the moment it opens, while the
    // server is built and starts listening (see `heldUntil` below).
    databaseReady = settled(prepareDatabase(modules, db, opened, forms, log));
    const templates = await templatesLoading;
    // The check passed and every template compiled: a start on these same files may skip both.
    if (fingerprint !== undefined && !checkSkipped) await recordPassedCheck(settings.dataDir, fingerprint);
    const mailFolder = options.env.MAIL_URL?.trim() ? undefined : path.join(settings.dataDir, 'mail');
    // Mail is queued with a request's write; once the response is ready the write has committed,
    // so that is when the worker is woken instead of waiting for its next poll.
    let mailQueued = false;
    let worker: MailWorker | undefined;
    const queueingMailer = createApplicationMailer({ templates, newId: uuidV7, portalUrl: settings.publicUrl });
    const mailer: ApplicationMailer = {
      render(input) {
        const mails = queueingMailer.render(input);
        if (mails.length > 0) mailQueued = true;
        return mails;
      },
      async enqueue(transaction, input) {
        const count = await queueingMailer.enqueue(transaction, input);
        if (count > 0) mailQueued = true;
        return count;
      },
    };

    const app = createApp({
      db,
      forms,
      mailer,
      config: {
        embed: settings.embed,
        corsOrigins: settings.corsOrigins,
        frameAncestors: settings.frameAncestors,
        trustedProxies: settings.trustedProxies,
        componentsDir: path.join(options.root, 'web-components', 'dist'),
        formsDir: folders.formsDir,
        templatesDir: folders.templatesDir,
        mailFolder,
      },
    });
    // Hono builds its router at the first request it matches: built now, while the database opens.
    app.router.match('GET', '/');
    let heldUntil: Promise<boolean> | undefined = databaseReady.then(
      () => true,
      () => false,
    );
    const server = serve({
      fetch: async (request, env) => {
        if (heldUntil !== undefined) {
          // Came while the database was being opened or brought up to date: answered once it is
          // ready, or refused if the start fails (the process is then about to end).
          if (!(await heldUntil)) return serviceUnavailableResponse(request);
          heldUntil = undefined;
        }
        const response = await app.fetch(request, env);
        if (mailQueued) {
          mailQueued = false;
          worker?.wake();
        }
        return response;
      },
      port: settings.port,
      ...(settings.host ? { hostname: settings.host } : {}),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      await databaseReady;
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
    // The mail worker gives way while requests are being answered (see drainMailOutbox).
    const requests = new RequestActivity();
    requests.watch(server as Server);
    // The mail worker starts a moment after the server listens: on the embedded database its
    // first look at the outbox held the one connection for tens of milliseconds while the
    // first requests waited. Mail queued before then is sent at that first look. The transport
    // gets the data folder resolved against the project root, like the database, so the
    // portal's sent-mail page (/dev/mail) reads the folder the mail is written to. With
    // MAIL_WORKER=off the mail waits in the outbox for a worker of its own
    // (`npm run mail -- worker`), so request handling keeps this process's CPU.
    let closed = false;
    const workerStart = settings.mailWorker
      ? setTimeout(() => {
          // The transports are loaded only now: nodemailer, which they use, is a sixth of the
          // bundle, and no request needs it.
          void import('./mail/transport-from-environment.js').then(
            ({ transportFromEnvironment }) => {
              if (closed) return;
              worker = startMailWorker({
                db,
                transport: transportFromEnvironment({ ...options.env, DATA_DIR: settings.dataDir }),
                backoff: exponentialBackoff({ baseMs: settings.mailRetryMs }),
                busy: () => requests.busy(),
              });
            },
            (error: unknown) => console.error('The mail worker could not start:', error),
          );
        }, MAIL_WORKER_START_DELAY_MS)
      : undefined;
    const { port } = server.address() as AddressInfo;
    const url = `http://${settings.host ?? 'localhost'}:${port}`;
    log(
      `MAMIS forms server on ${url} (${database.dialect === 'pglite' ? `embedded database in ${settings.dataDir}` : 'PostgreSQL server'}) — ` +
        'demo logins, password demo1234: member 123456, office otaru-office, staff staff',
    );
    if (settings.embedSecretGenerated)
      log(`Embed tokens: HS256 with the development secret in ${path.join(settings.dataDir, 'secrets.json')}`);
    return {
      url,
      async close() {
        closed = true;
        clearTimeout(workerStart);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker?.stop();
        await database.close();
      },
    };
  } catch (error) {
    // A migration or a seeding under way finishes (or fails) before the database closes.
    await databaseReady?.catch(() => {});
    await database.close();
    throw error;
  }
}

/**
 * Brings the database up to date once it opens: migrations, the demo data in an empty one, the
 * forms' versions published.
 */
async function prepareDatabase(
  modules: StartModules,
  db: Kysely<Database>,
  opened: Promise<void>,
  forms: ReadonlyMap<string, LoadedForm>,
  log: (line: string) => void,
): Promise<void> {
  const { allVersionsStored, migrateToLatest, seedDemoData, syncFormVersions } = modules;
  await opened;
  await migrateToLatest(db);
  const hasAssociations = await db.selectFrom('associations').select('id').limit(1).executeTakeFirst();
  if (!hasAssociations) {
    log('Empty database: adding the demo data (a few seconds)…');
    await seedDemoData(db);
  }
  const published = (await allVersionsStored(db, forms)) ? [] : await syncFormVersions(db, forms, 'server-start');
  if (published.length > 0) log(`Published form versions: ${published.join(', ')}`);
}

/** The same promise, marked as handled now; awaiting it later still throws its error. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
