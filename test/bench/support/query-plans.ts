import type { CompiledQuery } from 'kysely';
import { principalOfSession } from '../../../server/auth/load-principal.js';
import { FormCatalog } from '../../../server/form-catalog/form-catalog.js';
import { officeQueue } from '../../../server/store/office-queue.js';
import { readSessionSubmitter } from '../../../server/store/submitter.js';
import { explainAnalyze } from './bulk-applications.js';
import { planReuse } from './plan-reuse.js';
import { capturingDatabase } from './query-capture.js';

/**
 * The plans behind the growth figures: EXPLAIN ANALYZE of the queries the server runs, captured
 * from the store's own functions (the office list page and the submission's read), and whether
 * PostgreSQL keeps each plan across calls.
 */
export async function queryPlans(url: string, stored: number): Promise<string[]> {
  const capture = capturingDatabase(url);
  const { db } = capture;
  try {
    const clock = { now: () => new Date() };
    const queries: [string, CompiledQuery][] = [];
    const page = await officeQueue(db, { associationId: 'jma', status: undefined, cursor: undefined, limit: 20 });
    queries.push(['office list, first page (日本医師会, every application)', capture.take()[0]!]);
    await officeQueue(db, {
      associationId: 'jma',
      status: 'submitted',
      cursor: page.nextCursor ?? undefined,
      limit: 20,
    });
    queries.push(['office list, next page, status submitted', capture.take()[0]!]);
    await principalOfSession(db, clock, 'bench-token-1');
    queries.push(['any other signed-in request: session and account', capture.take()[0]!]);
    await new FormCatalog(db, new Map()).current('withdrawal');
    // A submission finds its version in memory; opening a form asks for the current one.
    queries.push(['opening a form: its current version', capture.take()[0]!]);
    const found = await readSessionSubmitter(db, 'bench-token-1', clock.now(), 'bench-plan-key');
    if (!found) throw new Error('bench-token-1 names no member session');
    queries.push([
      "submission: the session's member, their groups and associations (sources, rules, mail), the key's application",
      capture.take()[0]!,
    ]);
    const lines: string[] = [`-- ${stored.toLocaleString('en')} stored applications`];
    for (const [title, query] of queries) {
      lines.push('', `-- ${title}`, query.sql, await planReuse(url, query), ...(await explainAnalyze(db, query)));
    }
    return lines;
  } finally {
    await capture.close();
  }
}
