import { accountEn } from './account.en';
import { appointmentsEn } from './appointments.en';
import { applicationEn } from './application.en';
import { cabinetEn } from './cabinet.en';
import { chartReportsEn } from './chart-reports.en';
import { chartEn } from './chart.en';
import { frameEn } from './frame.en';
import { labsEn } from './labs.en';
import { sharingEn } from './sharing.en';
import { accessLogEn } from './access-log.en';
import { recordRequestsEn } from './record-requests.en';
import type { Translation } from './ru';
import type { Texts } from './texts';

/** English texts: the same slices as ru.ts, each checked against its Russian slice. */
export const en = {
  ...frameEn,
  ...accountEn,
  ...applicationEn,
  ...cabinetEn,
  ...chartEn,
  ...chartReportsEn,
  ...labsEn,
  ...sharingEn,
  ...appointmentsEn,
  ...accessLogEn,
  ...recordRequestsEn,
} satisfies Texts<Translation>;
