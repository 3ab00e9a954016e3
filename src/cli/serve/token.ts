// The per-start access token of `ingot serve`: 32 random bytes, compared in constant time, and
// the cookie it is exchanged for (named per port, since cookies do not tell ports apart).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token: 32 bytes, URL-safe base64. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented token with the real one without leaking where they differ. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined || presented.length === 0) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

export function cookieName(port: number): string {
  return `ingot_token_${port}`;
}

/** The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
