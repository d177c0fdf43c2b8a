import type { FieldPlan, RuntimeForm } from '../runtime/runtime-form.js';
import type { SchemaError } from '../runtime/schema-validator.js';
import type { MessageCode } from './message-codes.js';

export interface MappedSchemaError {
  readonly field: FieldPlan | undefined;
  readonly fieldName: string;
  readonly pointer: string;
  readonly code: MessageCode;
  readonly limit?: string | number;
}

/**
 * Turns one Ajv error into the field it concerns and a message code, in one place.
 * Like JSON Forms' getControlPath: the field is the first segment of `instancePath`, or the
 * missing property of a `required` error at the root. Returns undefined for errors that only
 * summarise others (`if`, `allOf`).
 */
export function mapSchemaError(form: RuntimeForm, error: SchemaError): MappedSchemaError | undefined {
  const { keyword, instancePath } = error;
  if (keyword === 'if' || keyword === 'allOf' || keyword === 'anyOf') return undefined;
  if (instancePath === '') {
    if (keyword === 'required') {
      const fieldName = String(error.params.missingProperty);
      const field = form.fieldByName.get(fieldName);
      if (!field) return { field, fieldName, pointer: `/${fieldName}`, code: 'notAnObject' };
      return mapped(error, field, fieldName, `/${fieldName}`, 0);
    }
    if (keyword === 'additionalProperties') {
      const fieldName = String(error.params.additionalProperty);
      return { field: undefined, fieldName, pointer: `/${fieldName}`, code: 'unknownField' };
    }
    return { field: undefined, fieldName: '', pointer: '', code: 'notAnObject' };
  }
  // The field is the first segment of the path; most errors are about the field itself.
  const end = instancePath.indexOf('/', 1);
  const fieldPointer = end === -1 ? instancePath : instancePath.slice(0, end);
  const field = form.fieldByPointer.get(fieldPointer);
  // A known field is named by its own (interned) name: the caller keys objects and lists by
  // it, which is much slower with a string freshly cut from the path.
  const fieldName = field ? field.name : pointerTokenName(fieldPointer);
  return mapped(error, field, fieldName, instancePath, end === -1 ? 1 : 2);
}

/** The property a one-segment pointer (`/a~1b`) names (`a/b`). */
function pointerTokenName(pointer: string): string {
  const token = pointer.slice(1);
  return token.includes('~') ? decodePointerToken(token) : token;
}

function mapped(
  error: SchemaError,
  field: FieldPlan | undefined,
  fieldName: string,
  pointer: string,
  depth: number,
): MappedSchemaError {
  // Ajv's `limit` param (maxLength, minItems, …) is named in the message.
  const limit = error.params.limit as number | undefined;
  return { field, fieldName, pointer, code: codeFor(error, field, depth), limit };
}

function codeFor(error: SchemaError, field: FieldPlan | undefined, depth: number): MessageCode {
  const choice = field?.choice ?? false;
  const missing: MessageCode = choice ? 'requiredChoice' : 'required';
  switch (error.keyword) {
    case 'required':
      return missing;
    case 'minItems':
      // An empty choice inside a composite value (no association ticked) reads as "choose one".
      return (error.params.limit as number) <= 1 ? missing : 'minItems';
    case 'minLength':
      return (error.params.limit as number) <= 1 ? missing : 'minLength';
    case 'format':
      if (error.params.format === 'date') return 'dateFormat';
      return 'format';
    case 'enum':
    case 'const':
      return 'choice';
    case 'maxLength':
      return 'maxCharacters';
    case 'type':
      return depth > 1 && choice ? 'invalid' : 'type';
    case 'pattern':
    case 'minimum':
    case 'maximum':
    case 'maxItems':
    case 'uniqueItems':
      return error.keyword;
    case 'exclusiveMinimum':
      return 'minimum';
    case 'exclusiveMaximum':
      return 'maximum';
    case 'additionalProperties':
      return 'invalid';
    default:
      return 'invalid';
  }
}

function decodePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
