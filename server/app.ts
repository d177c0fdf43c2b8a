import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Kysely } from 'kysely';
import { type AppConfig, type AppDeps, DEFAULT_CONFIG } from './app-deps.js';
import type { AppEnv } from './app-env.js';
import { authenticate, requireRole } from './auth/authenticate.js';
import { SignInThrottle, throttleSignIn } from './auth/sign-in-throttle.js';
import type { Database } from './db/database.js';
import { ERROR_MESSAGES } from './errors/error-messages.js';
import { type ErrorLogger, errorHandler, notFoundHandler } from './errors/handle-error.js';
import { FormCatalog } from './form-catalog/form-catalog.js';
import type { LoadedForm } from './forms/index.js';
import { limitBody } from './http/limit-body.js';
import { securityHeaders } from './http/security-headers.js';
import { urlGuard } from './http/url-guard.js';
import { varyByEncoding } from './http/vary-by-encoding.js';
import type { ApplicationMailer } from './mail/application-mail.js';
import { pageRoutes } from './pages/index.js';
import { draftRoutes } from './routes/draft-routes.js';
import { formRoutes } from './routes/form-routes.js';
import { meApplicationRoutes } from './routes/me-application-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { officeRoutes } from './routes/office-routes.js';
import { openApiRoutes } from './routes/openapi-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { staffRoutes } from './routes/staff-routes.js';
import { submissionRoutes } from './routes/submission-routes.js';
import { type Clock, systemClock } from './runtime/clock.js';
import { type NewId, uuidV7 } from './runtime/new-id.js';
import { studioRoutes } from './studio/index.js';

export interface CreateAppOptions {
  readonly db: Kysely<Database>;
  /** The forms loaded from `forms/` (already synced into `form_versions`). */
  readonly forms: ReadonlyMap<string, LoadedForm>;
  readonly mailer: ApplicationMailer;
  readonly clock?: Clock;
  readonly newId?: NewId;
  readonly config?: Partial<AppConfig>;
  readonly logError?: ErrorLogger;
}

const defaultLogger: ErrorLogger = (message, error) => console.error(message, error);

/**
 * The HTTP app. Everything it touches comes in through the options; it connects to nothing
 * itself, so tests call `app.request(...)` against a real database of their own.
 *
 * @example
 * const app = createApp({ db, forms, mailer });
 * const response = await app.request('/api/forms', { headers: { cookie } });
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...options.config };
  const deps: AppDeps = {
    db: options.db,
    catalog: new FormCatalog(options.db, options.forms),
    mailer: options.mailer,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? uuidV7,
    config,
  };
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(options.logError ?? defaultLogger));
  app.notFound(notFoundHandler);

  // Every response, errors included: nosniff, a CSP (pages bring their own), frame-ancestors
  // from the configuration, HSTS behind TLS.
  const { frameAncestors, trustedProxies } = config;
  app.use('*', securityHeaders({ frameAncestors, trustedProxies }));
  app.use('*', urlGuard());
  // A body limit on every route; the API's and the pages' own below are as tight or tighter.
  app.use('*', limitBody(config.bodyLimitBytes));
  // One client may not walk through many accounts, a few passwords each: both sign-in routes
  // count its failures together.
  const throttle = new SignInThrottle(config.signInThrottle, deps.clock);
  app.use('/api/session', throttleSignIn({ throttle, trustedProxies }));
  app.use(
    '/login',
    throttleSignIn({
      throttle,
      trustedProxies,
      refuse: (c, wait) =>
        c.text(ERROR_MESSAGES.too_many_attempts.ja, 429, { 'Retry-After': String(wait), 'Cache-Control': 'no-store' }),
    }),
  );

  if (config.corsOrigins.length > 0) {
    // Embedding sites call the API from their own pages, with a bearer token.
    app.use(
      '/api/*',
      cors({
        origin: [...config.corsOrigins],
        credentials: true,
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-CSRF-Token', 'Accept-Language'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/*', async (c, next) => {
    await next();
    // Answers carry personal data: no shared cache keeps them (the validator sets its own).
    // Set on the response's own headers, as the security headers are: `c.header` on a finished
    // response makes Hono rebuild it around its body as a stream, which the Node adapter then
    // reads back through web streams.
    const headers = c.res.headers;
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  });
  // Before `authenticate`: the submission route authenticates its caller itself, a session's
  // member in the same query as the rest of what a submission reads (one round trip less on the
  // route members and embedding sites call most). Its access rules are requireRole('member')'s.
  app.route('/api', submissionRoutes(deps));
  app.use('/api/*', authenticate({ db: deps.db, clock: deps.clock, embed: config.embed }));

  // Who may call what, in one place. Routes below only add ownership checks.
  app.use('/api/me', requireRole('member'));
  app.use('/api/me/*', requireRole('member'));
  app.use('/api/office/*', requireRole('office'));
  app.use('/api/staff/*', requireRole('staff'));

  for (const routes of [
    sessionRoutes(deps),
    formRoutes(deps),
    meRoutes(deps),
    meApplicationRoutes(deps),
    draftRoutes(deps),
    officeRoutes(deps),
    staffRoutes(deps),
    studioRoutes(deps),
    openApiRoutes(deps),
  ]) {
    app.route('/api', routes);
  }

  if (config.componentsDir) {
    // The component bundle is public and loaded by embedding sites as a module script.
    app.use('/components/*', cors({ origin: '*' }));
    app.use('/components/*', varyByEncoding);
    app.use(
      '/components/*',
      // The build writes each bundle compressed too (`.br`, `.gz`): sent to browsers that accept it.
      serveStatic({
        root: config.componentsDir,
        precompressed: true,
        rewriteRequestPath: (path) => path.replace(/^\/components/, ''),
      }),
    );
  }
  // The portal's pages; last, so its HTML 404 only answers what nothing above did.
  app.route('/', pageRoutes(deps, { logError: options.logError ?? defaultLogger }));
  return app;
}
