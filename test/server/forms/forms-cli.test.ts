import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT, runCli } from '../../support/run-cli.js';

function forms(...args: string[]) {
  return runCli('server/cli/forms-cli.ts', args);
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
    onTestFinished(() => rmSync(formsDir, { recursive: true, force: true }));
    cpSync(path.join(PROJECT_ROOT, 'forms'), formsDir, { recursive: true });
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

  it('meta-validators --check confirms the precompiled meta-schemas are current', async () => {
    const result = await forms('meta-validators', '--check');
    expect(result.stdout).toContain('is current');
    expect(result.code).toBe(0);
  });
});
