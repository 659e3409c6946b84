import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { evaluateHealth, type HealthLevel } from '../../shared/health/evaluate-health';
import { reasonText } from '../../shared/health/reason-words';
import type { HealthThresholds } from '../../shared/health/thresholds';
import { startPeriodicPass, type PeriodicPass } from '../db/periodic-pass';
import { toNumber } from '../db/values';
import { openAlertIncident } from '../incidents/open-alert-incident';
import { clinicThresholds } from './clinic-thresholds';
import { latestDeskReports } from './desk-reports';
import type { ServerMetrics } from './server-metrics';

/** Failed messages in a day that turn the clinic's notifications amber, and red. */
export const notificationFailureLimits = { amber: 1, red: 10 } as const;

interface Watched {
  clinicId: string;
  key: string;
  source: 'desk' | 'notifications';
  level: HealthLevel;
  title: string;
  detail: string;
}

async function desksWatched(db: Knex, now: Date, thresholds: (clinicId: string) => Promise<HealthThresholds>) {
  const watched: Watched[] = [];
  for (const desk of await latestDeskReports(db)) {
    const verdict = evaluateHealth(desk.report, await thresholds(desk.clinicId), now);
    const red = verdict.reasons.filter((reason) => reason.level === 'red');
    watched.push({
      clinicId: desk.clinicId,
      key: `device:${desk.deviceId}`,
      source: 'desk',
      level: verdict.level,
      title: `Рабочее место «${desk.deviceName}»: красный уровень`,
      detail: red.map((reason) => reasonText(reason, 'ru')).join('; '),
    });
  }
  return watched;
}

async function notificationsWatched(db: Knex, now: Date): Promise<Watched[]> {
  const since = new Date(now.getTime() - 24 * 60 * 60_000);
  const rows = await db('notification_outbox')
    .where({ status: 'failed' })
    .where('created_at', '>=', since)
    .groupBy('clinic_id')
    .select<{ clinic_id: string; n: unknown }[]>('clinic_id', db.raw('count(*) AS n'));
  const known = await db('health_alert_state')
    .where({ key: 'server:notifications' })
    .whereNot({ level: 'ok' })
    .pluck<string[]>('clinic_id');
  const failed = new Map(rows.map((row) => [row.clinic_id, toNumber(row.n)]));
  // A clinic whose failures have aged out goes back to ok.
  for (const clinicId of known) if (!failed.has(clinicId)) failed.set(clinicId, 0);
  return [...failed].map(([clinicId, count]) => ({
    clinicId,
    key: 'server:notifications',
    source: 'notifications',
    level: count >= notificationFailureLimits.red ? 'red' : count >= notificationFailureLimits.amber ? 'amber' : 'ok',
    title: 'Уведомления пациентам не отправляются',
    detail: `Не отправлено сообщений за сутки: ${count} (порог ${notificationFailureLimits.red})`,
  }));
}

/**
 * One pass of the server's alerts (G5): every desk's latest report judged by its clinic's
 * thresholds — a desk gone silent turns red by its last sync's age alone — and each clinic's
 * notification failures. A watched thing that turns red opens an alert incident once
 * (`openAlertIncident`), not on every pass: the level it was last seen at is kept in
 * `health_alert_state`, and only a change of level is written. Answers how many alerts it raised.
 */
export async function runHealthAlertPass(db: Knex, now: Date, metrics?: ServerMetrics): Promise<number> {
  const cache = new Map<string, Promise<HealthThresholds>>();
  const thresholds = (clinicId: string) => {
    let found = cache.get(clinicId);
    if (!found) cache.set(clinicId, (found = clinicThresholds(db, clinicId)));
    return found;
  };
  const watched = [...(await desksWatched(db, now, thresholds)), ...(await notificationsWatched(db, now))];
  let raised = 0;
  for (const item of watched) {
    const turnedRed = await db.transaction(async (trx) => {
      const before = await trx('health_alert_state')
        .where({ clinic_id: item.clinicId, key: item.key })
        .forUpdate()
        .first<{ level: HealthLevel } | undefined>('level');
      if (before?.level === item.level) return false;
      await trx('health_alert_state')
        .insert({ clinic_id: item.clinicId, key: item.key, level: item.level, changed_at: now })
        .onConflict(['clinic_id', 'key'])
        .merge(['level', 'changed_at']);
      if (item.level !== 'red') return false;
      await openAlertIncident(trx, {
        clinicId: item.clinicId,
        key: `health.${item.key}`,
        severity: 'high',
        title: item.title,
        detail: item.detail,
        now,
      });
      return true;
    });
    if (turnedRed) {
      raised += 1;
      metrics?.alerts.inc({ source: item.source });
    }
  }
  return raised;
}

/** The alert pass every `intervalMs` (a minute by default), on the server's shared periodic pass. */
export function startHealthAlerts(options: {
  db: Knex;
  now: () => Date;
  log: FastifyBaseLogger;
  metrics: ServerMetrics;
  intervalMs?: number;
}): PeriodicPass {
  return startPeriodicPass({
    intervalMs: options.intervalMs ?? 60_000,
    log: options.log,
    pass: () => runHealthAlertPass(options.db, options.now(), options.metrics),
    logged: (raised) => (raised > 0 ? { alertsRaised: raised } : null),
    done: 'health alerts raised',
    failed: 'health alert pass failed',
  });
}
