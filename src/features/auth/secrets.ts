// Random tokens and their stored form. A token is shown to its owner once; the database
// keeps only its SHA-256, so a leaked table cannot be replayed. Lookups go by hash (a
// 256-bit random token needs no slow hash); comparisons of secrets are constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random token of 32 bytes (256 bits), with an optional readable prefix. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality of two strings (compared through fixed-length digests, so length leaks nothing). */
export function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a, 'utf8').digest();
  const y = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(x, y);
}
