import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors/app-errors.js';
import { limitBody } from '../../../server/http/limit-body.js';

const LIMIT = 1000;

/** Over Node's HTTP server, as the portal runs: the route reports how many bytes it read. */
describe('the body limit over HTTP', () => {
  let server: ServerType;
  let url: string;
  beforeAll(async () => {
    const app = new Hono();
    app.use('*', limitBody(LIMIT));
    app.post('/echo', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
    app.onError((error, c) => c.json({ code: error instanceof AppError ? error.code : 'other' }, 500));
    app.notFound((c) => c.json({ code: 'not_found' }, 404));
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (body: BodyInit, init: RequestInit = {}) => {
    const response = await fetch(url, { method: 'POST', body, ...init });
    return (await response.json()) as { bytes?: number; code?: string };
  };
  /** A body without Content-Length: sent chunked, counted as it arrives. */
  const chunked = (bytes: number) =>
    post(
      new ReadableStream({
        start(controller) {
          for (let sent = 0; sent < bytes; sent += 100) controller.enqueue(new Uint8Array(Math.min(100, bytes - sent)));
          controller.close();
        },
      }),
      { duplex: 'half' } as RequestInit,
    );

  it('lets a body of declared length up to the limit through, whole', async () => {
    expect(await post('x'.repeat(LIMIT))).toEqual({ bytes: LIMIT });
    expect(await post('')).toEqual({ bytes: 0 });
  });

  it('refuses a body of declared length over the limit', async () => {
    expect(await post('x'.repeat(LIMIT + 1))).toEqual({ code: 'payload_too_large' });
  });

  it('counts a chunked body as it arrives', async () => {
    expect(await chunked(LIMIT)).toEqual({ bytes: LIMIT });
    expect(await chunked(LIMIT + 1)).toEqual({ code: 'payload_too_large' });
  });
});
