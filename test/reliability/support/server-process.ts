import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** `npm start` as a separate process: what a load balancer would talk to. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Everything the process wrote to stderr so far (logged 500s, mail worker errors). */
  stderr(): string;
  /** `kill -9`: no shutdown handler runs, open transactions die with the connections. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown of `main.ts`. */
  stop(): Promise<void>;
  readonly exited: boolean;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const STARTED = /MAMIS forms server on (http:\/\/\S+)/;

/**
 * Starts `server/main.ts` (through tsx, as `npm start` does, without the component build) with
 * the given environment on a free port, and resolves once it prints its URL.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      const url = STARTED.exec(stdout)?.[1];
      if (url && !started) {
        started = true;
        clearTimeout(timer);
        resolve(
          running(
            child,
            url,
            exit,
            () => stderr,
            () => exited,
          ),
        );
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it started:\n${stdout}\n${stderr}`));
    });
  });
}

function running(
  child: ChildProcess,
  url: string,
  exit: Promise<void>,
  stderr: () => string,
  exited: () => boolean,
): ServerProcess {
  return {
    url,
    pid: child.pid ?? -1,
    stderr,
    get exited() {
      return exited();
    },
    async kill() {
      if (!exited()) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!exited()) child.kill('SIGTERM');
      await exit;
    },
  };
}
