import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StartupError, startServer } from '../../server/start-server.js';
import { canListenOn, freePort, tryConnect } from './support/ports.js';
import { copyProjectForms, editJson } from './support/project-copy.js';

describe('npm start with a broken form definition', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  let lines: string[] = [];

  // One data folder for all: an intact start creates and seeds the embedded database first (it
  // takes seconds), and each refusal must have closed it for the next start to open it again.
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mamis-refuse-'));
    dataDir = path.join(root, 'data');
    await mkdir(path.join(root, 'web-components', 'dist'), { recursive: true });
    await copyProjectForms(root);
    port = await freePort();
    await (await start()).close();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** A fresh copy of the project's forms and templates that a test may break. */
  beforeEach(async () => {
    await copyProjectForms(root);
    port = await freePort();
    lines = [];
  });

  const start = () =>
    startServer({
      env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
      root,
      log: (line) => lines.push(line),
    });

  async function expectRefusal(): Promise<string> {
    const error = await start().then(
      async (server) => {
        await server.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect(lines.join('\n')).not.toContain('MAMIS forms server on');
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    expect(await canListenOn(port)).toBe(true);
    return (error as StartupError).message;
  }

  it('refuses a definition with a step field that does not exist, naming the form, the file and the pointer', async () => {
    await editJson(root, 'forms/withdrawal/form.json', (definition) => {
      definition.steps[2].fields[1] = 'withdrawlDate';
    });
    const message = await expectRefusal();
    expect(message).toContain('the server does not start until they are fixed');
    expect(message).toContain('withdrawal (forms/withdrawal/form.json) /steps/2/fields/1 [step-field-unknown]');
    expect(message).toContain('withdrawlDate');
    // Only the broken form is named: the other two are fine.
    expect(message).not.toMatch(/^(enrollment|transfer) \(/m);
  });

  it('refuses a form.json that is not JSON', async () => {
    const file = path.join(root, 'forms/transfer/form.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"version": 1,', '"version": 1'));
    const message = await expectRefusal();
    expect(message).toContain('transfer (forms/transfer/form.json) / [not-json]');
  });

  it('refuses a mail template that uses a value the form does not have, naming the template file', async () => {
    const file = path.join(root, 'templates/enrollment/member-approved/text.ja.hbs');
    await writeFile(file, `${await readFile(file, 'utf8')}{{fields.memberClas.value}}\n`);
    const message = await expectRefusal();
    expect(message).toMatch(
      /^enrollment \(templates\/enrollment\/member-approved\/text\.ja\.hbs\) \d+:\d+ \[template-unknown-value\]/m,
    );
    expect(message).toContain('fields.memberClas.value');
  });

  it('starts on the same data folder and port once the copy is intact', async () => {
    const server = await start();
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      expect(await tryConnect(port)).toBe('connected');
      expect((await fetch(`${server.url}/api/forms/withdrawal/versions/1/validator.js`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
