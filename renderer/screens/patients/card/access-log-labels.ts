import type { TFunction } from 'i18next';
import { roles, type Role } from '../../../../shared/auth/permissions';
import type { AccessLogLine } from '../../../../shared/rights/access-log';

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * A line of the access log in words: «Открыл(а) карту: карта, документы · 4 раза»; an action this
 * build does not know is «Другое действие (code)», never hidden.
 */
export function accessLineLabel(t: TFunction, line: AccessLogLine): string {
  if (line.kind === 'other') return t('patients.card.accessLog.otherAction', { code: line.action });
  const sections = line.sections.map((section) => t(`patients.card.accessLog.sections.${section}`)).join(', ');
  const what = `${t(`patients.card.accessLog.kinds.${line.kind}`)}: ${sections}`;
  return line.count > 1 ? `${what} · ${t('patients.card.accessLog.times', { count: line.count })}` : what;
}

export function roleLabel(t: TFunction, role: string): string {
  if (role === 'patient') return t('patients.card.accessLog.own');
  return isRole(role) ? t(`roles.${role}`) : role;
}
