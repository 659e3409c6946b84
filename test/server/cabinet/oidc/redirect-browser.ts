import { cabinetApiPrefix, cabinetPaths, cabinetSessionCookie } from '../../../../shared/cabinet/cabinet-api';

/**
 * A browser's part of a redirect flow, over real HTTP: a cookie jar per origin (Set-Cookie kept,
 * Max-Age=0 forgotten), redirects followed one by one so each hop can be looked at.
 */
export class RedirectBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(origin, cookies);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const headers: Record<string, string> = {};
    const cookies = this.jar.get(origin);
    if (cookies && cookies.size > 0)
      headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = value === '' || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      const jar = this.jar.get(origin) ?? new Map<string, string>();
      if (gone) jar.delete(name);
      else jar.set(name, value);
      this.jar.set(origin, jar);
    }
    return response;
  }

  /** Follows redirects from `url` until one leads off `until`'s test (or to a page): that location. */
  async follow(url: string, stopAt: (location: URL) => boolean): Promise<{ location: URL; last: Response }> {
    let current = new URL(url);
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.request(current.href);
      const next = response.headers.get('location');
      if (!next) return { location: current, last: response };
      current = new URL(next, current);
      if (stopAt(current)) return { location: current, last: response };
    }
    throw new Error('too many redirects');
  }
}

/**
 * The patient's federated sign-in as a browser makes it: the cabinet's /oidc/start, the
 * provider's sign-in form filled and sent, its redirects back to the cabinet's callback, and the
 * cabinet's answer: where it sends the browser at last (the cabinet's page or its sign-in page
 * with an error).
 */
export async function federatedSignIn(
  browser: RedirectBrowser,
  cabinet: string,
  login: { login: string; password: string } | 'decline',
): Promise<URL> {
  const onCabinetPage = (location: URL) =>
    location.origin === cabinet && !location.pathname.startsWith(cabinetApiPrefix);
  const start = await browser.follow(
    `${cabinet}${cabinetApiPrefix}${cabinetPaths.oidcStart}`,
    (location) => location.pathname.startsWith('/interaction/') || onCabinetPage(location),
  );
  if (onCabinetPage(start.location)) return start.location;
  const form = await browser.request(start.location.href);
  if (form.status !== 200) throw new Error(`the provider's form: ${form.status}`);
  const sent =
    login === 'decline'
      ? await browser.request(`${start.location.href}/abort`, { method: 'POST' })
      : await browser.request(start.location.href, { method: 'POST', form: login });
  const next = sent.headers.get('location');
  if (!next) throw new Error(`the provider kept its form: ${sent.status}`);
  return (await browser.follow(new URL(next, start.location).href, onCabinetPage)).location;
}

/** The cabinet session's cookie as the jar holds it, as a header for API calls. */
export function sessionHeader(browser: RedirectBrowser, cabinet: string): Record<string, string> {
  const value = browser.cookie(cabinet, cabinetSessionCookie);
  return value === undefined ? {} : { cookie: `${cabinetSessionCookie}=${value}` };
}
