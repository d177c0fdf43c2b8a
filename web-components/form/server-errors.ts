import type { FieldError, RuntimeForm } from '../../engine/browser.js';
import type { ApiFieldProblem } from '../api/api-types.js';

/**
 * The server's 422 problems as the browser's own field errors: the pointer's first token names
 * the field (`/withdrawFrom/associationIds` → `withdrawFrom`). Problems of no field keep `''`.
 */
export function fieldErrorsOf(form: RuntimeForm, problems: readonly ApiFieldProblem[]): FieldError[] {
  return problems.map((problem) => {
    const token = problem.pointer.split('/')[1] ?? '';
    const name = token.replaceAll('~1', '/').replaceAll('~0', '~');
    const field = form.fieldByName.has(name) ? name : '';
    return { pointer: problem.pointer, field, code: 'invalid', message: problem.message };
  });
}
