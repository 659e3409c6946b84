import type { TFunction } from 'i18next';
import { roles, type Role } from '../../../../shared/auth/permissions';
import type { Translation } from '../../../i18n/ru';

type ActionKey = keyof Translation['patients']['card']['accessLog']['actions'];

/** The audit actions the main process writes for a patient, and their words. */
const actionKeys: Readonly<Record<string, ActionKey>> = {
  'patients.create': 'create',
  'patients.read': 'read',
  'patients.search': 'search',
  'patients.access_log.read': 'accessLogRead',
  'patients.contacts.update': 'contactsUpdated',
  'patients.contact_history.read': 'contactHistoryRead',
  'scans.list': 'scansListed',
  'scans.read': 'scanViewed',
  'scans.accept': 'scanAccepted',
  'scans.remove': 'scanRemoved',
  'documents.read': 'documentsRead',
  'documents.added': 'documentAdded',
  'documents.replaced': 'documentReplaced',
  'documents.policy_checked': 'policyChecked',
  'documents.policy_confirmed': 'policyConfirmed',
  'documents.policy_rejected': 'policyRejected',
  'documents.compared': 'documentCompared',
  'patients.corrected_from_document': 'correctedFromDocument',
  'documents.removed': 'documentRemoved',
  'consents.read': 'consentsRead',
  'consents.accept': 'consentAccepted',
  'consents.withdraw': 'consentWithdrawn',
  'consents.signature.read': 'signatureRead',
  'proxies.read': 'proxiesRead',
  'proxies.add': 'proxyAdded',
  'proxies.revoke': 'proxyRevoked',
  'verification.read': 'onlineIdentityRead',
  'verification.completed': 'verificationCompleted',
};

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** `patients.read` → «Просмотр карты»; an action this build does not know is shown as its code. */
export function actionLabel(t: TFunction, action: string): string {
  const key = Object.hasOwn(actionKeys, action) ? actionKeys[action] : undefined;
  return key ? t(`patients.card.accessLog.actions.${key}`) : action;
}

export function roleLabel(t: TFunction, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}
