const tokenPrefix = '#token=';
/** Where an earlier version kept the secret for reloads; the tab's cookie does that now. */
const legacyStorageKey = 'medcard.hostSecret';

/**
 * The browser host prints `http://localhost:PORT/#token=<hex>`. Takes the launch secret out of
 * the fragment before the hash router starts and leaves the router a clean `#/`. The secret is
 * kept nowhere: the transport trades it once for the tab's HttpOnly cookie, which carries the
 * session across reloads. Returns the secret when this load brought one.
 */
export function takeHostSecret(): string | null {
  const { hash, pathname, search } = window.location;
  sessionStorage.removeItem(legacyStorageKey);
  if (!hash.startsWith(tokenPrefix)) return null;
  const secret = decodeURIComponent(hash.slice(tokenPrefix.length));
  window.history.replaceState(null, '', `${pathname}${search}#/`);
  return secret === '' ? null : secret;
}
