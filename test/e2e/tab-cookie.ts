import type { BrowserContext } from '@playwright/test';
import { request } from 'node:http';
import type { BrowserHost } from '../../electron/browser-host/server';
import { tabCookieName } from '../../electron/browser-host/launch-session';

const traded = new WeakMap<BrowserHost, Promise<string>>();

/**
 * The tab's cookie (`name=value`, for a Cookie header) that the host's launch secret was traded
 * for. The secret trades once, so the trade is made here, from Node, once per host, and shared:
 * the contract calls from Node and the browser context of the test then hold the same session.
 */
export function tabCookie(host: BrowserHost): Promise<string> {
  let cookie = traded.get(host);
  if (!cookie) {
    cookie = tradeLaunchSecret(host);
    traded.set(host, cookie);
  }
  return cookie;
}

/** Puts the host's tab cookie into a browser context, as if its page had made the trade. */
export async function holdTabCookie(context: BrowserContext, host: BrowserHost): Promise<void> {
  const value = (await tabCookie(host)).slice(tabCookieName.length + 1);
  await context.addCookies([{ name: tabCookieName, value, url: host.origin, httpOnly: true, sameSite: 'Strict' }]);
}

function tradeLaunchSecret(host: BrowserHost): Promise<string> {
  const { port, host: hostHeader } = new URL(host.origin);
  const body = JSON.stringify({ token: host.secret });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: 'localhost',
        port,
        method: 'POST',
        path: '/api/session',
        headers: {
          Host: hostHeader,
          Origin: host.origin,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
        if (res.statusCode === 200 && cookie?.startsWith(`${tabCookieName}=`)) resolve(cookie);
        else reject(new Error(`The launch secret was not traded: HTTP ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
