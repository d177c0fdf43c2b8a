import { MigrationError } from './db/migrate.js';
import { StartupError, startServer } from './start-server.js';
import { FormVersionConflictError } from './store/form-versions.js';

/** `npm start`: the server on PORT, configured by the environment. */
try {
  const server = await startServer({ env: process.env, root: process.cwd() });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  // Problems the operator fixes (a definition, a published version, a migration) need no stack.
  const expected =
    error instanceof StartupError || error instanceof FormVersionConflictError || error instanceof MigrationError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
}
