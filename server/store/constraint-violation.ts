/**
 * The name of the unique constraint or index an error violated, if it is a unique violation
 * (SQLSTATE 23505).
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  return violatedConstraint(error, '23505');
}

/** The name of the foreign key an error violated, if it is a foreign key violation (23503). */
export function violatedForeignKey(error: unknown): string | undefined {
  return violatedConstraint(error, '23503');
}

/** postgres.js names the constraint `constraint_name`, PGlite and node-postgres `constraint`. */
function violatedConstraint(error: unknown, sqlState: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  if (candidate.code !== sqlState) return undefined;
  const name = candidate.constraint_name ?? candidate.constraint;
  return typeof name === 'string' ? name : '';
}
