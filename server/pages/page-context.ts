import type { AppDeps } from '../app-deps.js';
import type { ErrorLogger } from '../errors/handle-error.js';
import type { PortalAssets } from './http/portal-assets.js';

/** What every page handler gets: the app's dependencies and the portal's own files. */
export interface PageContext {
  readonly deps: AppDeps;
  readonly assets: PortalAssets;
  readonly logError: ErrorLogger;
  /** True when mail is written to the folder (development): `/dev/mail` and the demo logins are shown. */
  readonly devMail: boolean;
}

/** The components' bundle, served by the app at `/components/`. */
export const COMPONENTS_SCRIPT = '/components/mamis-components.js';
