import { type RunningServer, StartupError, startServer } from './start-server.js';

/** `npm start`: the server on PORT, configured by the environment. */
const running: Promise<RunningServer> = startServer({ env: process.env, root: process.cwd() });
const reported = running.then(() => {}, reportStartFailure);

// Installed before the start ends: a stop asked for meanwhile (Ctrl-C during the first start's
// seeding, a supervisor's SIGTERM right after "listening") waits for the start, then closes the
// server properly instead of killing the process halfway through a write.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running
      .then(
        (server) => server.close(),
        () => reported,
      )
      .then(
        () => process.exit(process.exitCode ?? 0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  });
}

async function reportStartFailure(error: unknown): Promise<void> {
  // Problems the operator fixes (a definition, a published version, a migration) need no
  // stack. Their classes are imported here, not above, so that the server's first module
  // stays small (see start-server.ts); a start that failed has loaded them or has no hurry.
  const [{ MigrationError }, { FormVersionConflictError }] = await Promise.all([
    import('./db/migrate.js'),
    import('./store/form-versions.js'),
  ]);
  const expected =
    error instanceof StartupError || error instanceof FormVersionConflictError || error instanceof MigrationError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
}
