import { ENGINE_KEYWORDS, type JsonSchema } from '../../engine/index.js';
import { apiPaths } from './api-paths.js';
import { COMPONENT_SCHEMAS } from './component-schemas.js';

export interface DocumentedForm {
  readonly id: string;
  readonly version: number;
  readonly title: { readonly ja: string; readonly en: string };
  readonly dataSchema: JsonSchema;
}

/** The OpenAPI 3.1 description of the API, with each current form's data schema as a component. */
export function openApiDocument(forms: readonly DocumentedForm[]): Record<string, unknown> {
  const formSchemas: Record<string, unknown> = {};
  for (const form of forms) {
    formSchemas[`FormData.${form.id}`] = {
      ...(asOpenApi(form.dataSchema) as object),
      title: `${form.title.ja} / ${form.title.en} (${form.id} v${form.version})`,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'MAMIS forms API',
      version: '1',
      description:
        'Members file withdrawal (退会届), enrollment (入会届) and transfer (異動届) applications; each association office reviews its own part. ' +
        "Errors are `{ error: { code, message, fields? } }` in the caller's language. Sign in with `POST /api/session` (cookie `mamis_session`; " +
        "writes need `X-CSRF-Token`) or pass an embedding site's JWT as `Authorization: Bearer`.",
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { embedToken: [] }],
    paths: apiPaths(forms.map((form) => ({ $ref: `#/components/schemas/FormData.${form.id}` }))),
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mamis_session' },
        embedToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT (HS256, aud mamis-embed, sub = 医籍登録番号, short exp)',
        },
      },
      schemas: { ...COMPONENT_SCHEMAS, ...formSchemas },
    },
  };
}

/** The engine's own keywords (maxCharacters, minDate…) become `x-` extensions that OpenAPI tools accept. */
function asOpenApi(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asOpenApi);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    result[Object.hasOwn(ENGINE_KEYWORDS, key) ? `x-${key}` : key] = asOpenApi(value);
  }
  return result;
}
