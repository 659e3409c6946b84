import type { ApplicationDetail } from '../../../shared/api/application-calls';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ApplicationCheck } from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { insertRecord, updateRecord } from '../../store/record-door';
import { appendApplicationEvent } from './application-events';
import { requireApplication } from './application-row';
import { applicationDetail } from './get-application';

/** A clerk opens a new application (C3): submitted → in_review, with who and when; `review_started` in its journal. */
export function startReview(ctx: ActorContext, id: string): ApplicationDetail {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const door = { tx, actor: ctx.actor, at };
    const row = requireApplication(tx, id);
    if (row.status !== 'submitted') throw new AppError('application.desk.not_submitted', { field: 'id' });
    updateRecord(
      door,
      'patients.write',
      'applications',
      id,
      { status: 'in_review', review_started_at: at, review_started_by: ctx.actor.staffId },
      { action: 'applications.review_started', patientId: row.patient_id, details: { application: id } },
    );
    appendApplicationEvent(door, id, 'review_started');
    return applicationDetail(tx, id, at);
  });
}

/**
 * The clerk marks one check of C3 done: only a check the desk finds met, only while the
 * application is under review. A check already marked is not marked twice.
 */
export function finishCheck(ctx: ActorContext, id: string, check: ApplicationCheck): ApplicationDetail {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const row = requireApplication(tx, id);
    if (row.status !== 'in_review') throw new AppError('application.desk.not_in_review', { field: 'id' });
    const before = applicationDetail(tx, id, at);
    const state = before.checks.find((candidate) => candidate.check === check)!;
    if (!state.met) throw new AppError('application.desk.check_unmet', { field: 'check', params: { check } });
    if (state.finished) return before;
    insertRecord(
      { tx, actor: ctx.actor, at },
      'patients.write',
      'application_events',
      {
        application_id: id,
        kind: 'check_finished',
        at,
        actor_kind: 'staff',
        actor_id: ctx.actor.staffId,
        detail: canonicalJson({ check }),
      },
      { action: 'applications.check_finished', patientId: row.patient_id, details: { application: id, check } },
    );
    return applicationDetail(tx, id, at);
  });
}
