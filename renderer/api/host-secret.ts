const storageKey = 'medcard.hostSecret';
const tokenPrefix = '#token=';

/**
 * The browser host prints `http://127.0.0.1:PORT/#token=<hex>`. Takes the secret out of the
 * fragment before the hash router starts, keeps it for reloads in this tab only, and leaves the
 * router a clean `#/`. Returns the secret known to this tab, if any.
 */
export function takeHostSecret(): string | null {
  const { hash, pathname, search } = window.location;
  if (hash.startsWith(tokenPrefix)) {
    const secret = decodeURIComponent(hash.slice(tokenPrefix.length));
    if (secret !== '') sessionStorage.setItem(storageKey, secret);
    window.history.replaceState(null, '', `${pathname}${search}#/`);
  }
  return sessionStorage.getItem(storageKey);
}
