/** A fresh key for one submission: a retry of the same submission reuses it, so it is filed once. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; an embedding page on plain http still gets a random key.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
