import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../../server/runtime/new-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds in a version 7 UUID's first 48 bits. */
function millisOf(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

describe('uuidV7', () => {
  it('is a version 7 UUID of the current time', () => {
    const before = Date.now();
    const id = uuidV7();
    const after = Date.now();
    expect(id).toMatch(UUID_V7);
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisOf(id)).toBeLessThanOrEqual(after);
  });

  it('never repeats, and ids of a later millisecond sort later', async () => {
    const first = Array.from({ length: 10_000 }, uuidV7);
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) expect(id).toMatch(UUID_V7);
    const start = millisOf(first.at(-1)!);
    while (Date.now() === start) await new Promise((resolve) => setTimeout(resolve, 1));
    const later = uuidV7();
    for (const id of first) expect(id < later).toBe(true);
  });

  it('keeps random bits after the version digit and after the variant', () => {
    const ids = Array.from({ length: 200 }, uuidV7);
    // 12 random bits after the version digit: 200 draws of 4,096 values repeat only a few.
    expect(new Set(ids.map((id) => id.slice(15, 18))).size).toBeGreaterThan(150);
    // 62 after the variant's two: no repeats.
    expect(new Set(ids.map((id) => id.slice(20))).size).toBe(ids.length);
  });
});
