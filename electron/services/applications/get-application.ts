import type { ApplicationDetail } from '../../../shared/api/application-calls';
import type { ActorContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { summaryColumns, toSummary, type PatientRow } from '../patients/patient-row';
import { applicationChecks } from './application-checks';
import { applicationJournal, finishedChecks } from './application-events';
import { requireApplication, toApplicationView } from './application-row';

type SummaryRow = Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone'>;

/** The application as its page shows it: the row, the patient, the checks of C3 at `at`, the journal. */
export function applicationDetail(tx: ReadTx, id: string, at: string): ApplicationDetail {
  const row = requireApplication(tx, id);
  const patient =
    row.patient_id === null
      ? undefined
      : tx.get<SummaryRow>(`SELECT ${summaryColumns} FROM patients WHERE id = ?`, [row.patient_id]);
  const events = applicationJournal(tx, id);
  return {
    application: toApplicationView(row, at),
    patient: patient ? toSummary(patient) : null,
    checks: applicationChecks(tx, patient ? patient.id : null, at, finishedChecks(events)),
    events,
  };
}

/** One application for its page; the read of the patient's data is audited (F1). */
export function getApplication(ctx: ActorContext, id: string): ApplicationDetail {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const detail = applicationDetail(tx, id, at);
    recordRead({ tx, actor: ctx.actor, at }, 'patients.read', {
      action: 'applications.read',
      patientId: detail.application.patientId,
      details: { application: id },
    });
    return detail;
  });
}
