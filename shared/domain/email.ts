import type { ErrorCode } from '../errors/catalog';

/**
 * E-mail addresses as the clinic's mail service can reach them (B1). Practical rather than full
 * RFC 5322: the part before @ is a dot-atom of ASCII letters, digits and ! # $ % & ' * + / = ? ^
 * _ ` { | } ~ - (quoted local parts and comments are refused: nobody types them at a desk, and
 * mail senders mishandle them); Cyrillic local parts (иван@…) need SMTPUTF8, which a sender
 * cannot count on, so they are refused too. Domains may be internationalised (почта.рф): they are
 * checked in their ASCII (punycode) form, label by label. Limits from RFC 5321: 64 before @, 254
 * in all, 63 per label, 253 per domain.
 */
export type EmailResult = { ok: true; email: string } | { ok: false; code: ErrorCode; params?: Record<string, number> };

const maxLength = 254;
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// A top-level domain is letters, or an internationalised one in punycode (xn--p1ai is .рф).
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The ASCII form of a domain, or null when it is not a host name at all. */
function asciiDomain(domain: string): string | null {
  if (domain === '' || /[\s/\\?#@:[\]%]/.test(domain)) return null;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

export function normalizeEmail(raw: string): EmailResult {
  const value = raw.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return { ok: false, code: 'patient.email.format' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !localPart.test(local)) return { ok: false, code: 'patient.email.local_part' };
  const ascii = asciiDomain(domain);
  const labels = ascii?.split('.') ?? [];
  if (
    !ascii ||
    ascii.length > 253 ||
    labels.length < 2 ||
    !labels.every((part) => label.test(part)) ||
    !topLevel.test(labels.at(-1)!)
  ) {
    return { ok: false, code: 'patient.email.domain' };
  }
  if (local.length + 1 + ascii.length > maxLength)
    return { ok: false, code: 'patient.email.too_long', params: { max: maxLength } };
  return { ok: true, email: `${local}@${domain}` };
}
