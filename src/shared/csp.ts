/**
 * The renderer's Content-Security-Policy. `connect-src 'none'`: the renderer never
 * touches the network; everything comes from main over the bridge. (The browser
 * host rewrites connect-src to allow its one bridge WebSocket and nothing else.)
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
