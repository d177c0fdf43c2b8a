import { randomBytes } from 'node:crypto';

/** Makes the ids of new rows; injected so tests can use predictable ids. */
export type NewId = () => string;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made later
 * sort later, which keeps the "newest first" lists stable when two rows share a timestamp.
 */
export const uuidV7: NewId = () => {
  const bytes = randomBytes(16);
  const millis = BigInt(Date.now());
  for (let index = 0; index < 6; index += 1) {
    bytes[index] = Number((millis >> BigInt(8 * (5 - index))) & 0xffn);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
