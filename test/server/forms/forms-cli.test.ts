import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

async function forms(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/cli/forms-cli.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run forms', () => {
  it('check passes for the three forms', async () => {
    const result = await forms('check');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('withdrawal@1');
  });

  it('check fails for a broken copy, naming the form, the file and the pointer', async () => {
    const formsDir = mkdtempSync(path.join(tmpdir(), 'mamis-cli-'));
    cpSync(path.join(root, 'forms'), formsDir, { recursive: true });
    const file = path.join(formsDir, 'withdrawal', 'form.json');
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    definition.fields.reasonOther.visibleWhen = { reason: 'others' };
    writeFileSync(file, JSON.stringify(definition));
    const result = await forms('check', '--forms', formsDir);
    expect(result.code).toBe(1);
    const folder = path.basename(formsDir);
    expect(result.stderr).toContain(
      `withdrawal (${folder}/withdrawal/form.json) /fields/reasonOther/visibleWhen/reason`,
    );
    expect(result.stderr).toContain('1件の問題があります');
  });

  it('preview prints the confirm view of the manual’s example', async () => {
    const result = await forms('preview', 'withdrawal', 'forms/withdrawal/examples/manual.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[3層] 小樽市医師会');
    expect(result.stdout).toContain('退会希望年月日: 2024/10/31');
  });

  it('types --check confirms the generated types are current', async () => {
    const result = await forms('types', '--check');
    expect(result.code).toBe(0);
  });
});
