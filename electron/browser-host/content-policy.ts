/**
 * The renderer's Content-Security-Policy, the same under both hosts: only its own scripts, no
 * eval, no remote anything. Inline styles are allowed because MUI (emotion) injects them.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
