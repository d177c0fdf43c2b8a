/** Types of embedded-database-settings.mjs (plain JavaScript, see there). */
export declare const EMBEDDED_DATABASE_SETTINGS: Readonly<{ shared_buffers: string; max_connections: string }>;
export declare function embeddedDatabaseStartParams(defaults: readonly string[]): string[];
