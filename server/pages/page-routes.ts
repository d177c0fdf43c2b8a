import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { ERROR_MESSAGES } from '../errors/error-messages.js';
import type { ErrorLogger } from '../errors/handle-error.js';
import { limitBody } from '../http/limit-body.js';
import { authRoutes } from './auth/auth-routes.js';
import { devMailRoutes } from './dev/dev-mail-routes.js';
import { errorPage, pageErrorHandler } from './errors/error-page.js';
import { pageHeaders } from './http/page-headers.js';
import { pageSession, requirePageRole } from './http/page-session.js';
import { PortalAssets } from './http/portal-assets.js';
import { memberRoutes } from './member/member-routes.js';
import { officeRoutes } from './office/office-routes.js';
import type { PageContext } from './page-context.js';
import { studioPage } from './studio/studio-page.js';

export interface PageRoutesOptions {
  readonly logError?: ErrorLogger;
}

/**
 * The paths of the portal. Middleware is bound to these only: mounted at `/`, a `use('*')`
 * would also run for the API and the component bundle.
 */
const PAGE_PATHS = [
  '/',
  '/login',
  '/logout',
  '/forms/*',
  '/history',
  '/profile',
  '/contact',
  '/notices',
  '/office/*',
  '/studio',
  '/dev/*',
  '/assets/*',
] as const;

/**
 * The portal: server-rendered pages around the same components an association's site embeds.
 * Members get マイページ, offices their review queue, staff the form studio's landing.
 *
 * @example
 * app.route('/', pageRoutes(deps));
 */
export function pageRoutes(deps: AppDeps, options: PageRoutesOptions = {}): Hono<AppEnv> {
  const ctx: PageContext = {
    deps,
    assets: new PortalAssets(),
    logError: options.logError ?? ((message, error) => console.error(message, error)),
    devMail: deps.config.mailFolder !== undefined,
  };
  const routes = new Hono<AppEnv>();
  routes.onError(pageErrorHandler(ctx));
  for (const path of PAGE_PATHS) {
    routes.use(path, pageHeaders());
    if (path === '/assets/*') continue;
    routes.use(path, limitBody(32 * 1024), pageSession(deps.db, deps.clock));
  }

  routes.get('/assets/:name', ctx.assets.handler());
  routes.route('/', authRoutes(ctx));
  routes.route('/', memberRoutes(ctx));
  routes.route('/', officeRoutes(ctx));
  routes.get('/studio', requirePageRole('staff'), (c) => studioPage(ctx, c));
  if (deps.config.mailFolder !== undefined) routes.route('/', devMailRoutes(ctx, deps.config.mailFolder));

  // Any other path that is not the API's or the bundle's: a page in Japanese, not JSON.
  routes.get(
    '*',
    (c, next) => (isApiOrBundle(c.req.path) ? c.notFound() : next()),
    pageHeaders(),
    pageSession(deps.db, deps.clock),
    (c) => errorPage(ctx, c, 404, ERROR_MESSAGES.not_found.ja),
  );
  return routes;
}

function isApiOrBundle(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/components/');
}
