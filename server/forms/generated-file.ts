import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Whether a generated file holds exactly what its sources generate now (CI's check). */
export async function isGeneratedFileCurrent(file: string, source: string): Promise<boolean> {
  return (await readGeneratedFile(file)) === source;
}

/**
 * Writes a generated file, unless it already holds `source`: an unchanged file keeps its time,
 * so nothing that watches it rebuilds. Returns whether it wrote.
 */
export async function writeGeneratedFile(file: string, source: string): Promise<boolean> {
  if ((await readGeneratedFile(file)) === source) return false;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
  return true;
}

async function readGeneratedFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
