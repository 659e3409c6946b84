import type { AccessLogLine } from '../../../shared/rights/access-log';
import type { Translate } from '../../i18n/use-texts';

const knownRoles = ['clerk', 'senior_clerk', 'doctor', 'auditor', 'admin', 'patient', 'server'] as const;
type KnownRole = (typeof knownRoles)[number];
const isKnownRole = (role: string): role is KnownRole => (knownRoles as readonly string[]).includes(role);

/** «Открыл(а) карту: карта, документы · 4 раз»; an action this build does not know keeps its code. */
export function lineWhat(t: Translate, line: AccessLogLine): string {
  if (line.kind === 'other') return t('accessLog.otherAction', { code: line.action });
  const sections = line.sections.map((section) => t(`accessLog.sections.${section}`)).join(', ');
  const what = `${t(`accessLog.kinds.${line.kind}`)}: ${sections}`;
  return line.count > 1 ? `${what} · ${t('accessLog.times', { count: line.count })}` : what;
}

export function lineRole(t: Translate, role: string): string {
  return t(`accessLog.roles.${isKnownRole(role) ? role : 'other'}`);
}
