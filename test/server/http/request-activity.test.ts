import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestActivity } from '../../../server/http/request-activity.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('request activity', () => {
  it('is busy while a request is answered and for a quiet moment after, then idle', async () => {
    let answer: () => void = () => {};
    const server = createServer((_request, response) => {
      answer = () => response.end('ok');
    });
    servers.push(server);
    const activity = new RequestActivity(50);
    activity.watch(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(activity.busy()).toBe(false);

    const { port } = server.address() as AddressInfo;
    const response = fetch(`http://127.0.0.1:${port}/`);
    await expect.poll(() => activity.busy()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(activity.busy()).toBe(true);
    answer();
    expect(await (await response).text()).toBe('ok');
    expect(activity.busy()).toBe(true);
    await expect.poll(() => activity.busy(), { timeout: 1000 }).toBe(false);
  });

  it('counts a request whose client went away as ended', async () => {
    const server = createServer(() => {});
    servers.push(server);
    const activity = new RequestActivity(0);
    activity.watch(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const controller = new AbortController();
    const response = fetch(`http://127.0.0.1:${port}/`, { signal: controller.signal }).catch(() => undefined);
    await expect.poll(() => activity.busy()).toBe(true);
    controller.abort();
    await response;
    await expect.poll(() => activity.busy(), { timeout: 1000 }).toBe(false);
  });
});
