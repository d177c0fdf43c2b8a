import { describe, expect, it } from 'vitest';
import { compiledWhenFirstUsed, type SchemaValidator } from '../../../engine/runtime/schema-validator.js';

/** A validator of positive numbers that reports like Ajv, and counts its compiles. */
function positiveNumbers(): { compile: () => SchemaValidator; compiles: () => number } {
  let compiles = 0;
  return {
    compile: () => {
      compiles++;
      const validate: SchemaValidator = (data) => {
        const valid = typeof data === 'number' && data > 0;
        validate.errors = valid ? null : [{ instancePath: '', keyword: 'exclusiveMinimum', params: { limit: 0 } }];
        return valid;
      };
      return validate;
    },
    compiles: () => compiles,
  };
}

describe('compiledWhenFirstUsed', () => {
  it('compiles at the first call, once, and answers as the compiled validator does', () => {
    const { compile, compiles } = positiveNumbers();
    const validate = compiledWhenFirstUsed(compile);
    expect(compiles()).toBe(0);
    expect(validate(-1)).toBe(false);
    expect(validate.errors).toEqual([{ instancePath: '', keyword: 'exclusiveMinimum', params: { limit: 0 } }]);
    expect(validate(2)).toBe(true);
    // A valid call clears the errors of the one before, as Ajv's do.
    expect(validate.errors).toBeNull();
    expect(validate('x')).toBe(false);
    expect(compiles()).toBe(1);
  });

  it('throws what the compile throws, at the call, and tries again at the next', () => {
    let attempts = 0;
    const validate = compiledWhenFirstUsed(() => {
      attempts++;
      throw new Error('schema does not compile');
    });
    expect(() => validate(1)).toThrow('schema does not compile');
    expect(() => validate(1)).toThrow('schema does not compile');
    expect(attempts).toBe(2);
  });
});
