import {
  reportDecisions,
  reportStages,
  type ApplicationsReport,
  type ReportDecision,
  type ReportStage,
} from '../../../shared/api/report-calls';
import { epochDay, fromEpochDay } from '../../../shared/domain/business-days';
import { isoDay } from '../../../shared/domain/calendar-date';
import type { ZonedActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { applicationTimeline, type StageEvent } from './application-stages';
import { isoWeek, weekStart, weeksOf } from './iso-week';
import { durationStats } from './percentile';
import { resolvePeriod, type ReportPeriod } from './report-period';

/** The journal's entries that move an application from one stage to the next (application-stages.ts). */
const stageKinds = ['review_started', 'approved', 'denied', 'supplied', 'appeal_decided', 'activated'];

interface JournalRow extends StageEvent {
  application_id: string;
  submitted_at: string;
}

interface MilestoneRow {
  submitted_at: string;
  overdue_at: string | null;
}

/**
 * Instants a little wider than the period's days in any time zone (±14 h), to narrow the SQL;
 * each instant is then placed on its day in the desk's zone. Instants are ISO strings in UTC, as
 * every desk and the server write them, so they compare as text.
 */
function instantWindow(period: ReportPeriod): [string, string] {
  return [`${fromEpochDay(epochDay(period.from) - 1)}T00:00:00`, `${fromEpochDay(epochDay(period.to) + 2)}T00:00:00`];
}

/** Every journal entry that moves a stage, of the applications with such an entry in the window. */
function readJournal(tx: ReadTx, window: [string, string]): Map<string, JournalRow[]> {
  const kinds = stageKinds.map(() => '?').join(', ');
  const rows = tx.all<JournalRow>(
    `SELECT e.application_id, e.kind, e.at, e.detail, a.submitted_at
       FROM application_events e JOIN applications a ON a.id = e.application_id
      WHERE e.kind IN (${kinds})
        AND e.application_id IN (SELECT application_id FROM application_events
                                  WHERE at >= ? AND at < ? AND kind IN (${kinds}))
      ORDER BY e.application_id, e.at, e.id`,
    [...stageKinds, window[0], window[1], ...stageKinds],
  );
  const byApplication = new Map<string, JournalRow[]>();
  for (const row of rows) {
    const list = byApplication.get(row.application_id);
    if (list) list.push(row);
    else byApplication.set(row.application_id, [row]);
  }
  return byApplication;
}

function readMilestones(tx: ReadTx, window: [string, string]): MilestoneRow[] {
  return tx.all<MilestoneRow>(
    `SELECT submitted_at, overdue_at FROM applications
      WHERE (submitted_at >= ? AND submitted_at < ?) OR (overdue_at >= ? AND overdue_at < ?)`,
    [...window, ...window],
  );
}

/**
 * The applications report (C6) from the synced rows on this desk: processing time (submitted →
 * first decision) by the ISO week of the decision, time spent in each stage by the stages that
 * ended in the period ("where work waits"), overdue marks by week, decisions by reason, totals.
 * Everything is placed by the day it happened in the desk's time zone; durations in hours.
 */
export function applicationsReport(
  ctx: ZonedActorContext,
  asked: { from?: string | undefined; to?: string | undefined },
): ApplicationsReport {
  const period = resolvePeriod(asked, ctx.clock.now(), ctx.timeZone);
  const window = instantWindow(period);
  const { journal, milestones } = ctx.store.read((tx) => ({
    journal: readJournal(tx, window),
    milestones: readMilestones(tx, window),
  }));
  // Every offset is whole minutes: instants in the same minute fall on the same day.
  const days = new Map<string, string>();
  const dayOf = (instant: string) => {
    const minute = instant.slice(0, 16);
    let day = days.get(minute);
    if (day === undefined) {
      day = isoDay(new Date(instant), ctx.timeZone);
      days.set(minute, day);
    }
    return day;
  };
  const inPeriod = (instant: string | null): instant is string => {
    if (instant === null) return false;
    const day = dayOf(instant);
    return day >= period.from && day <= period.to;
  };

  const processingByWeek = new Map<string, number[]>();
  const processing: number[] = [];
  const stageHours = new Map<ReportStage, number[]>(reportStages.map((stage) => [stage, []]));
  const decisions = new Map<ReportDecision, number>(reportDecisions.map((decision) => [decision, 0]));
  let activated = 0;
  for (const events of journal.values()) {
    const timeline = applicationTimeline(events[0]!.submitted_at, events);
    for (const span of timeline.spans) {
      if (!inPeriod(span.end)) continue;
      stageHours.get(span.stage)!.push(span.hours);
      // The activation stage ends when the patient activates the account.
      if (span.stage === 'activation') activated += 1;
    }
    for (const made of timeline.decisions)
      if (inPeriod(made.at)) decisions.set(made.decision, decisions.get(made.decision)! + 1);
    if (timeline.processing && inPeriod(timeline.processing.end)) {
      const monday = weekStart(dayOf(timeline.processing.end));
      const week = processingByWeek.get(monday);
      if (week) week.push(timeline.processing.hours);
      else processingByWeek.set(monday, [timeline.processing.hours]);
      processing.push(timeline.processing.hours);
    }
  }

  const overdueByWeek = new Map<string, number>();
  let submitted = 0;
  let overdue = 0;
  for (const row of milestones) {
    if (inPeriod(row.submitted_at)) submitted += 1;
    if (inPeriod(row.overdue_at)) {
      overdue += 1;
      const monday = weekStart(dayOf(row.overdue_at));
      overdueByWeek.set(monday, (overdueByWeek.get(monday) ?? 0) + 1);
    }
  }

  const decisionCounts = reportDecisions.map((decision) => ({ decision, count: decisions.get(decision)! }));
  return {
    from: period.from,
    to: period.to,
    weeks: weeksOf(period.from, period.to).map((monday) => ({
      week: isoWeek(monday),
      start: monday,
      ...durationStats(processingByWeek.get(monday) ?? []),
      overdue: overdueByWeek.get(monday) ?? 0,
    })),
    stages: reportStages.map((stage) => ({ stage, ...durationStats(stageHours.get(stage)!) })),
    decisions: decisionCounts,
    totals: {
      submitted,
      decided: decisionCounts.reduce((sum, entry) => sum + entry.count, 0),
      activated,
      overdue,
      processing: durationStats(processing),
    },
  };
}
