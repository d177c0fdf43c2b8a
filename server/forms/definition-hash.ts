import { createHash } from 'node:crypto';
import { canonicalJson } from '../../engine/index.js';

/** `sha256:<hex>` of the canonical JSON: equal for equal content however the file is formatted. */
export function definitionHash(definition: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(definition)).digest('hex')}`;
}
