import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const OUTPUT = path.resolve(import.meta.dirname, '../../../test-output/reliability');

/**
 * Prints a run's figures and keeps them in `test-output/reliability/<name>.json`, so a big run
 * by hand leaves the numbers the README quotes.
 */
export async function reportFigures(name: string, figures: Readonly<Record<string, number | string>>): Promise<void> {
  const lines = Object.entries(figures).map(([key, value]) => `  ${key}: ${value}`);
  console.log(`[reliability] ${name}\n${lines.join('\n')}`);
  await mkdir(OUTPUT, { recursive: true });
  await writeFile(
    path.join(OUTPUT, `${name}.json`),
    `${JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2)}\n`,
  );
}
