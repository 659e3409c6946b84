import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { cabinetApiPrefix } from '../../../shared/cabinet/cabinet-api';
import type { CabinetDeps } from '../cabinet-deps';

/**
 * The sign-in's secrets between /oidc/start and /oidc/callback — the state, the nonce and the
 * PKCE verifier — kept by the browser in a short-lived cookie signed with a key derived from the
 * master key (nothing is stored on the server, any instance checks it). HttpOnly, only sent to
 * the OIDC routes, SameSite=Lax: the callback is a top-level navigation from the provider's site,
 * on which a Strict cookie would not be sent.
 */
export const oidcFlowCookie = 'medcard_oidc';
export const oidcFlowLifetimeMs = 10 * 60_000;
const cookiePath = `${cabinetApiPrefix}/oidc`;

const flowSchema = z.strictObject({
  state: z.string().min(16).max(128),
  nonce: z.string().min(16).max(128),
  verifier: z.string().min(43).max(128),
  /** When the flow began (ms): the cookie's Max-Age is the browser's promise, this is ours. */
  at: z.number().int(),
});
export type OidcFlow = z.infer<typeof flowSchema>;

export function oidcFlowKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'medcard cabinet oidc flow v1', 32));
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload, 'utf8').digest();

export function sealOidcFlow(key: Buffer, flow: OidcFlow): string {
  const payload = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The flow the cookie holds, when its signature holds and it is young enough; undefined otherwise. */
export function openOidcFlow(key: Buffer, value: string | undefined, now: Date): OidcFlow | undefined {
  if (value === undefined || value.length > 2048) return undefined;
  const [payload, signature, extra] = value.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const flow = flowSchema.safeParse(parsed);
  if (!flow.success) return undefined;
  const age = now.getTime() - flow.data.at;
  return age >= 0 && age <= oidcFlowLifetimeMs ? flow.data : undefined;
}

function attributes(deps: Pick<CabinetDeps, 'secureCookies'>): string {
  return `Path=${cookiePath}; HttpOnly; SameSite=Lax${deps.secureCookies ? '; Secure' : ''}`;
}

export function setOidcFlowCookie(reply: FastifyReply, value: string, deps: Pick<CabinetDeps, 'secureCookies'>): void {
  void reply.header(
    'set-cookie',
    `${oidcFlowCookie}=${value}; Max-Age=${oidcFlowLifetimeMs / 1000}; ${attributes(deps)}`,
  );
}

export function clearOidcFlowCookie(reply: FastifyReply, deps: Pick<CabinetDeps, 'secureCookies'>): void {
  void reply.header('set-cookie', `${oidcFlowCookie}=; Max-Age=0; ${attributes(deps)}`);
}
