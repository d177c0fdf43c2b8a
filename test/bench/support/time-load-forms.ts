import path from 'node:path';
import { loadForms, projectFolders } from '../../../server/forms/index.js';

/**
 * Prints, in milliseconds, how long this fresh process takes to load, check and compile every
 * form in `forms/` — what the server pays for them at start, with nothing warmed up yet.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const started = performance.now();
const { forms, issues } = await loadForms(projectFolders(root));
const ms = performance.now() - started;
if (issues.length > 0) throw new Error(`${issues.length} problems in the forms`);
process.stdout.write(`${JSON.stringify({ ms, forms: forms.size })}\n`);
