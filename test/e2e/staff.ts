import { expect, type CDPSession, type Page } from '@playwright/test';
import { request } from 'node:http';
import type { BrowserHost } from '../../electron/browser-host/server';
import type { ApiEnvelope } from '../../shared/api/facade';
import { expectOk, type CallApi, type StaffMember } from '../support/staff-over-api';
import { tabCookie } from './tab-cookie';

/**
 * The contract over the browser host's HTTP, from Node, as the page calls it (its Origin and
 * the tab's cookie, which the test's browser context holds too). The session lives in the main
 * process, so a page opened afterwards sees whoever was signed in this way.
 */
export function callOver(host: BrowserHost): CallApi {
  const { port, host: hostHeader } = new URL(host.origin);
  return async (name, input) => {
    const cookie = await tabCookie(host);
    return new Promise<ApiEnvelope<unknown>>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/call/${name}`,
          headers: {
            Host: hostHeader,
            Origin: host.origin,
            Cookie: cookie,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiEnvelope<unknown>);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}

/** Signs whoever is at the desk out, through the contract. */
export async function signOutOver(host: BrowserHost): Promise<void> {
  await expectOk(callOver(host), 'auth.signOut', {});
}

/**
 * Chromium's virtual authenticator (CDP), a USB key that is touched at once when asked. A
 * person's software key is copied into it, so the page can sign in with the key the person
 * enrolled through the contract.
 */
export async function virtualKey(
  page: Page,
  ...people: StaffMember[]
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  return pluggedKey(page, true, people);
}

/**
 * A key that is plugged in but never touched: the page keeps waiting for it (as it does at a desk
 * whose person has not touched their key yet), without any browser dialog over the page.
 */
export async function untouchedKey(page: Page): Promise<void> {
  await pluggedKey(page, false, []);
}

async function pluggedKey(
  page: Page,
  touched: boolean,
  people: StaffMember[],
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: false,
      hasUserVerification: false,
      isUserVerified: false,
      automaticPresenceSimulation: touched,
    },
  });
  for (const person of people) {
    for (const id of person.key.credentialIds()) {
      const credential = person.key.exportCredential(id);
      if (credential)
        await cdp.send('WebAuthn.addCredential', {
          authenticatorId,
          credential: { ...credential, isResidentCredential: false },
        });
    }
  }
  return { cdp, authenticatorId };
}

/** A password box by its label; a required one carries a hidden asterisk. */
export function passwordBox(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}[\\s\u2009*]*$`));
}

/** Login and password on the sign-in screen, Enter to submit. */
export async function typePassword(page: Page, login: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Вход' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Логин' }).fill(login);
  await passwordBox(page, 'Пароль').fill(password);
  await passwordBox(page, 'Пароль').press('Enter');
}
