import { accountRu } from './account.ru';
import { appointmentsRu } from './appointments.ru';
import { applicationRu } from './application.ru';
import { cabinetRu } from './cabinet.ru';
import { chartReportsRu } from './chart-reports.ru';
import { chartRu } from './chart.ru';
import { frameRu } from './frame.ru';
import { labsRu } from './labs.ru';
import { sharingRu } from './sharing.ru';
import { accessLogRu } from './access-log.ru';
import { recordRequestsRu } from './record-requests.ru';

/** The cabinet's Russian texts, its first language: each screen group keeps a slice; this file composes them. */
export const ru = {
  ...frameRu,
  ...accountRu,
  ...applicationRu,
  ...cabinetRu,
  ...chartRu,
  ...chartReportsRu,
  ...labsRu,
  ...sharingRu,
  ...appointmentsRu,
  ...accessLogRu,
  ...recordRequestsRu,
};
export type Translation = typeof ru;
