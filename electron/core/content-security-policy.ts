/**
 * The renderer's Content-Security-Policy, for both shells: no remote content at all. Styles
 * allow 'unsafe-inline' because the UI kit injects its CSS variables at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  // The hall display's chime (resources/sounds), a file of the app like its fonts.
  "media-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
