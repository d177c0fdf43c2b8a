import metaSchema from '../../forms/form-definition.schema.json' with { type: 'json' };

/**
 * The meta-schema every definition is checked against, as shipped for editors in `forms/`. The
 * check runs it precompiled: `generated/meta-validators.ts`.
 */
export const FORM_DEFINITION_META_SCHEMA = metaSchema;
