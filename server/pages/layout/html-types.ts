import type { HtmlEscapedString } from 'hono/utils/html';

/** What Hono's `html` template gives: escaped markup, possibly still resolving. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
