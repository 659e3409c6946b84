/** The renderer's one origin: `app://desk`, served by the app:// protocol from dist/renderer. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True only for a URL on the renderer's own origin (no user info, no port, no other host). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}
