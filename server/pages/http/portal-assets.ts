import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Handler } from 'hono';
import type { AppEnv } from '../../app-env.js';

interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly type: string;
  readonly version: string;
}

/** The portal's own files: one stylesheet and one page script, no build step. */
const FILES: Readonly<Record<string, string>> = {
  'portal.css': 'text/css; charset=utf-8',
  'portal.js': 'text/javascript; charset=utf-8',
};

/** The stylesheet and script, read once, each with a content hash for its URL. */
export class PortalAssets {
  readonly #assets = new Map<string, Asset>();

  constructor(dir: URL = new URL('../assets/', import.meta.url)) {
    for (const [name, type] of Object.entries(FILES)) {
      const body = new Uint8Array(readFileSync(fileURLToPath(new URL(name, dir))));
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      this.#assets.set(name, { body, type, version });
    }
  }

  /** `/assets/portal.css?v=<hash>`: a changed file gets a new URL, so it can be cached for good. */
  url(name: keyof typeof FILES & string): string {
    const asset = this.#assets.get(name);
    return asset ? `/assets/${name}?v=${asset.version}` : `/assets/${name}`;
  }

  /** `GET /assets/:name` */
  handler(): Handler<AppEnv> {
    return (c) => {
      const asset = this.#assets.get(c.req.param('name') ?? '');
      if (!asset) return c.notFound();
      const current = c.req.query('v') === asset.version;
      return c.body(asset.body, 200, {
        'Content-Type': asset.type,
        'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    };
  }
}
