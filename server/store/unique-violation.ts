/**
 * The name of the unique constraint or index an error violated, if it is a unique violation
 * (SQLSTATE 23505). postgres.js names it `constraint_name`, PGlite and node-postgres `constraint`.
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  if (candidate.code !== '23505') return undefined;
  const name = candidate.constraint_name ?? candidate.constraint;
  return typeof name === 'string' ? name : '';
}
