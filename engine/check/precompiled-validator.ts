import type { ErrorObject } from 'ajv';

/**
 * A validator whose code Ajv generated ahead of time (`npm run forms -- meta-validators`): the
 * same function Ajv would compile at run time, with the same errors, and no compilation at start.
 */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
