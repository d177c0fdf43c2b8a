import { describe, expect, it } from 'vitest';
import { acceptedLocale } from '../../../server/http/request-locale.js';

describe('acceptedLocale', () => {
  it('is Japanese when the browser says nothing or asks for neither language', () => {
    expect(acceptedLocale(undefined)).toBe('ja');
    expect(acceptedLocale('fr-FR, de;q=0.5')).toBe('ja');
  });

  it('takes the preferred of Japanese and English by quality', () => {
    expect(acceptedLocale('en-US,en;q=0.9,ja;q=0.8')).toBe('en');
    expect(acceptedLocale('fr, ja;q=0.3, en;q=0.2')).toBe('ja');
    expect(acceptedLocale('en;q=0, ja')).toBe('ja');
  });
});
