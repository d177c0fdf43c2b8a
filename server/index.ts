/**
 * The server: the Hono app over PostgreSQL (embedded PGlite or a server), the member and office
 * API, sign-in, and each association's review. `createApp` is the app; `startServer` is
 * everything `npm start` does.
 */

export { type CreateAppOptions, createApp } from './app.js';
export { type AppConfig, type AppDeps, DEFAULT_CONFIG } from './app-deps.js';
export type { AppEnv, Principal } from './app-env.js';
export type { EmbedTokenConfig } from './auth/embed-token.js';
export { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost, verifyPassword } from './auth/password-hash.js';
export { DEFAULT_LOCKOUT, type LockoutPolicy } from './auth/sign-in.js';
export { readServerSettings, type ServerEnvironment, type ServerSettings } from './config/server-settings.js';
export type { Database } from './db/database.js';
export { MigrationError, migrateToLatest } from './db/migrate.js';
export { type DatabaseHandle, type DialectName, openDatabase } from './db/open-database.js';
export { DEMO_PASSWORD, type SeedOptions, seedDemoData } from './db/seed/index.js';
export * from './errors/app-errors.js';
export { FormCatalog } from './form-catalog/form-catalog.js';
export { ASSOCIATION_TIME_ZONE, type Clock, calendarDay, systemClock } from './runtime/clock.js';
export { type NewId, uuidV7 } from './runtime/new-id.js';
export { type RunningServer, type StartServerOptions, StartupError, startServer } from './start-server.js';
export type { ApplicationView, OfficeApplicationView, TargetView } from './store/application-view.js';
export { FormVersionConflictError, syncFormVersions } from './store/form-versions.js';
export { TARGET_STATUS_LABELS } from './store/status-labels.js';
