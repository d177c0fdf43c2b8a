import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildServer } from '../../../server/build-server.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let bundle: Promise<string> | undefined;

/** The server as `npm start` runs it: bundled by `npm run build`, built once per bench run. */
function serverBundle(): Promise<string> {
  bundle ??= buildServer().then((result) => result.outfile);
  return bundle;
}

export interface ServerProcess {
  readonly url: string;
  /** From spawn until the server printed that it listens. */
  readonly listeningMs: number;
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  /** DATABASE_URL, DATA_DIR and the like; PORT is always 0 (any free port). */
  readonly env: Readonly<Record<string, string>>;
  /** Node arguments before the script, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
}

let flags: Promise<string[]> | undefined;

/**
 * The Node flags `npm start` runs the server with, read from its script once: the bench
 * measures the server as it is started, and a flag added there is measured without a change here.
 */
function startFlags(): Promise<string[]> {
  flags ??= readFile(path.join(ROOT, 'package.json'), 'utf8').then((text) =>
    nodeFlagsOf(JSON.parse(text).scripts.start),
  );
  return flags;
}

/** The flags of `node [flags] server/dist/main.mjs` in a script; an error if it has no such command. */
export function nodeFlagsOf(script: string): string[] {
  const flags = /\bnode((?: --[\w-]+(?:=\S+)?)*) server\/dist\/main\.mjs\b/.exec(script)?.[1];
  if (flags === undefined) throw new Error(`npm start no longer runs "node [flags] server/dist/main.mjs": ${script}`);
  return flags.split(' ').filter(Boolean);
}

/**
 * Starts the server in its own process, as `npm start` does after its build (the bundle, in
 * Node with the script's flags, from the project folder), and waits until it prints that it
 * listens.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const main = await serverBundle();
  const flags = await startFlags();
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, ...(options.nodeArgs ?? []), main], {
    cwd: ROOT,
    // DATABASE_URL only when the caller gives one: inherited from the shell (CI sets it for the
    // tests), it would turn every embedded-database measurement into a PostgreSQL one.
    env: { ...process.env, DATABASE_URL: '', ...options.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      // "MAMIS forms server on http://127.0.0.1:41234 (…)": the line it prints once listening.
      const url = /server on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`The bench server exited (${code}):\n${stderr}`)));
  });
  return { url, listeningMs: performance.now() - started, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits for the first 200 from `path`, asking again every few milliseconds. */
export async function firstOk(url: string, headers: Record<string, string>): Promise<void> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    try {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status === 200) return;
      if (response.status !== 503) throw new Error(`${url}: ${response.status}`);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} never answered 200`);
}
