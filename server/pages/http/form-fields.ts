import type { Context } from 'hono';

/** The text fields of a posted HTML form; files and repeated names are ignored. */
export interface FormFields {
  get(name: string): string | undefined;
}

/** Reads an `application/x-www-form-urlencoded` (or multipart) body once; Hono caches it. */
export async function formFields(c: Context): Promise<FormFields> {
  const type = c.req.header('Content-Type') ?? '';
  const body =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
      ? await c.req.parseBody()
      : {};
  return {
    get(name) {
      const value = body[name];
      return typeof value === 'string' ? value : undefined;
    },
  };
}
