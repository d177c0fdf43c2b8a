import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, openDatabase } from '../../../server/db/open-database.js';
import { DEFAULT_FROM, messageIdOf } from '../../../server/mail/mail-transport.js';
import {
  messageIds,
  type ReceivedMail,
  type SmtpTestServer,
  startSmtpTestServer,
} from '../../mail/support/smtp-test-server.js';
import { createPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { type ServerProcess, startServerProcess } from './server-process.js';

/**
 * What a fault test runs against: a PostgreSQL cluster of its own, a real SMTP server that can
 * be stopped and started again on its port, and server processes started like `npm start`.
 */
export interface FaultEnvironment {
  readonly cluster: PostgresCluster;
  /** The test's own connection, to read what the servers stored. */
  readonly database: DatabaseHandle;
  readonly servers: ServerProcess[];
  startServer(): Promise<ServerProcess>;
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  /** Every mail the SMTP server received, across its restarts. */
  received(): readonly ReceivedMail[];
  /** Their Message-IDs, one per delivery. */
  deliveredIds(): Promise<string[]>;
  /** The Message-ID each outbox row is sent with. */
  messageIdOf(outboxId: string): string;
  dispose(): Promise<void>;
}

export async function createFaultEnvironment(): Promise<FaultEnvironment> {
  const cluster = await createPostgresCluster();
  const url = await cluster.createDatabase('mamis');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamis-fault-'));
  let smtp: SmtpTestServer | undefined = await startSmtpTestServer();
  const port = smtp.port;
  const earlier: ReceivedMail[] = [];
  const servers: ServerProcess[] = [];
  const env = {
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    // Pooled, as a production relay would be configured: connections are reused between mails.
    MAIL_URL: `${smtp.url}?pool=true`,
    // Retries a second after a refused mail instead of five minutes, so an outage fits a test.
    MAIL_RETRY_SECONDS: '1',
    EMBED_JWT_SECRET: 'fault-test-secret-0123456789abcdefghijkl',
  };
  const first = await startServerProcess(env);
  servers.push(first);
  // The first start migrated and seeded: the test's own connection sees the schema from here.
  const database = await openDatabase({ url, poolSize: 4 });
  return {
    cluster,
    database,
    servers,
    async startServer() {
      const server = await startServerProcess(env);
      servers.push(server);
      return server;
    },
    async stopSmtp() {
      if (!smtp) return;
      earlier.push(...smtp.received);
      await smtp.stop();
      smtp = undefined;
    },
    async startSmtp() {
      smtp ??= await startSmtpTestServer({ port });
    },
    received: () => [...earlier, ...(smtp?.received ?? [])],
    async deliveredIds() {
      return messageIds([...earlier, ...(smtp?.received ?? [])]);
    },
    messageIdOf: (outboxId) => messageIdOf({ id: outboxId, to: '', subject: '', text: '', html: '' }, DEFAULT_FROM),
    async dispose() {
      for (const server of servers) await server.kill();
      await database.close().catch(() => {});
      await smtp?.stop();
      await cluster.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
