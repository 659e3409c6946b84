import { chartRu } from './chart.ru';
import { chartReportsRu } from './chart-reports.ru';
import { chartSharingRu } from './chart-sharing.ru';
import { chartFormsRu } from './chart-forms.ru';
import { applicationsRu } from './applications.ru';
import { accountRu } from './account.ru';
import { appointmentsRu } from './appointments.ru';
import { auditRu } from './audit.ru';
import { authRu } from './auth.ru';
import { consentRu } from './consent.ru';
import { contactsRu } from './contacts.ru';
import { documentsRu } from './documents.ru';
import { frameRu } from './frame.ru';
import { patientsRu } from './patients.ru';
import { reportsRu } from './reports.ru';
import { scansRu } from './scans.ru';
import { schedulesRu } from './schedules.ru';
import { settingsRu } from './settings.ru';
import { staffRu } from './staff.ru';
import { syncRu } from './sync.ru';
import { verificationRu } from './verification.ru';
import { exportsRu } from './exports.ru';
import { recordRequestsRu } from './record-requests.ru';
import { chartAccessRu } from './chart-access.ru';
import { backupsRu } from './backups.ru';
import { healthRu } from './health.ru';
import { incidentsRu } from './incidents.ru';
import { dbKeyRu } from './db-key.ru';

/**
 * Russian texts: the product's first language (UX.md). Every visible string has a key in one
 * feature's slice (`<feature>.ru.ts`); this file only composes them.
 */
export const ru = {
  ...frameRu,
  ...patientsRu,
  ...documentsRu,
  ...scansRu,
  ...consentRu,
  ...verificationRu,
  ...applicationsRu,
  ...syncRu,
  ...settingsRu,
  ...authRu,
  ...accountRu,
  ...staffRu,
  ...auditRu,
  ...contactsRu,
  ...reportsRu,
  ...chartRu,
  ...chartReportsRu,
  ...chartSharingRu,
  ...chartFormsRu,
  ...appointmentsRu,
  ...schedulesRu,
  ...exportsRu,
  ...recordRequestsRu,
  ...dbKeyRu,
  ...incidentsRu,
  ...healthRu,
  ...backupsRu,
  ...chartAccessRu,
};

/** The shape every language must fill: the same keys, any strings. */
export type Translation = typeof ru;
