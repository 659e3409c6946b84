import { chartEn } from './chart.en';
import { chartReportsEn } from './chart-reports.en';
import { chartSharingEn } from './chart-sharing.en';
import { chartFormsEn } from './chart-forms.en';
import { applicationsEn } from './applications.en';
import { accountEn } from './account.en';
import { appointmentsEn } from './appointments.en';
import { auditEn } from './audit.en';
import { authEn } from './auth.en';
import { consentEn } from './consent.en';
import { contactsEn } from './contacts.en';
import { documentsEn } from './documents.en';
import { frameEn } from './frame.en';
import { patientsEn } from './patients.en';
import { reportsEn } from './reports.en';
import { scansEn } from './scans.en';
import { schedulesEn } from './schedules.en';
import { settingsEn } from './settings.en';
import { staffEn } from './staff.en';
import { syncEn } from './sync.en';
import { verificationEn } from './verification.en';
import { exportsEn } from './exports.en';
import { recordRequestsEn } from './record-requests.en';
import { chartAccessEn } from './chart-access.en';
import type { Translation } from './ru';
import type { Texts } from './texts';
import { backupsEn } from './backups.en';
import { healthEn } from './health.en';
import { incidentsEn } from './incidents.en';
import { dbKeyEn } from './db-key.en';

/** English texts: the same slices as ru.ts, each checked against its Russian slice. */
export const en = {
  ...frameEn,
  ...patientsEn,
  ...documentsEn,
  ...scansEn,
  ...consentEn,
  ...verificationEn,
  ...applicationsEn,
  ...syncEn,
  ...settingsEn,
  ...authEn,
  ...accountEn,
  ...staffEn,
  ...auditEn,
  ...contactsEn,
  ...reportsEn,
  ...chartEn,
  ...chartReportsEn,
  ...chartSharingEn,
  ...chartFormsEn,
  ...appointmentsEn,
  ...schedulesEn,
  ...exportsEn,
  ...recordRequestsEn,
  ...dbKeyEn,
  ...incidentsEn,
  ...healthEn,
  ...backupsEn,
  ...chartAccessEn,
} satisfies Texts<Translation>;
