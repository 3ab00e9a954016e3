// The security headers on every file of the app, as `ingot serve` and the desktop app serve it: a
// strict Content-Security-Policy (own files only, plus the serving host's WebSocket), no
// sniffing, no referrer, no framing.

/** Headers for a response to a request addressed to `host` (already validated); without a host, no WebSocket is allowed. */
export function securityHeaders(host: string | undefined): Record<string, string> {
  const connect = host ? `'self' ws://${host}` : "'self'";
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `connect-src ${connect}`,
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      // Editors and grids inject <style> elements at runtime.
      "style-src 'self' 'unsafe-inline'",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
