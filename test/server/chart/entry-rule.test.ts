import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { testStaff, useTestServer } from '../support/test-server';
import {
  amendedEntry,
  amendReason,
  deskChange,
  labBody,
  newEntry,
  openChartDesk,
  previousVersion,
  recordedEntry,
  rowOf,
  type ChartDesk,
} from './report-setup';

const running = useTestServer();
let chart: ChartDesk;

beforeAll(async () => {
  chart = await openChartDesk(running.db, running.server);
}, 180_000);

const entryRow = async (id: string) => (await rowOf(chart.db, 'chart_entries', id)).data;

describe('chart entries on the server: a doctor’s, never silently changed (D4)', () => {
  it('takes a doctor’s entry and its amendment with the previous version kept', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const entryId = await recordedEntry(chart, patientId);
    const pushed = await pushAs(
      chart.desk,
      previousVersion(chart, entryId, patientId),
      await amendedEntry(chart, entryId, 125),
    );
    expect(outcomes(pushed)).toEqual(['applied', 'applied']);
    expect(await entryRow(entryId)).toMatchObject({ revision: 2, body: labBody(125), amend_reason: amendReason });
  });

  it('refuses an entry whose body does not fit its kind, an unknown kind, a patient it does not know', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const cases = [
      [{ body: JSON.stringify({ test: 'Гемоглобин' }) }, 'chart.entry.body_invalid', 'body'],
      [{ body: '{not json' }, 'chart.entry.body_invalid', 'body'],
      [{ kind: 'horoscope' }, 'chart.entry.body_invalid', 'kind'],
      [{ revision: 3 }, 'chart.entry.revision', 'revision'],
      [{ patient_id: uuidv7() }, 'chart.entry.patient_unknown', 'patient_id'],
      [{ source: 'patient' }, 'chart.entry.patient_source', 'source'],
    ] as const;
    for (const [changed, code, field] of cases) {
      expect(await pushAs(chart.desk, newEntry(chart, patientId, changed))).toEqual([
        expect.objectContaining({ status: 'refused', code, field }),
      ]);
    }
  });

  it('refuses an amendment that does not raise the revision, has no reason, or names another doctor', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const entryId = await recordedEntry(chart, patientId);
    const noRevision = await deskChange(chart, 'chart_entries', entryId, {
      body: labBody(125),
      amend_reason: amendReason,
      amended_by: chart.doctor,
    });
    const cases = [
      [noRevision, 'chart.entry.revision', 'revision'],
      [await amendedEntry(chart, entryId, 125, { revision: 0 }), 'chart.entry.revision', 'revision'],
      [await amendedEntry(chart, entryId, 125, { amend_reason: null }), 'chart.entry.reason_required', 'amend_reason'],
      [
        await amendedEntry(chart, entryId, 125, { amended_by: chart.otherDoctor }),
        'chart.entry.actor_mismatch',
        'amended_by',
      ],
      [
        await amendedEntry(chart, entryId, 125, { body: JSON.stringify({ value: 125 }) }),
        'chart.entry.body_invalid',
        'body',
      ],
      [await amendedEntry(chart, entryId, 125, { kind: 'diagnosis' }), 'chart.entry.kind_mismatch', 'kind'],
      [await amendedEntry(chart, entryId, 125, { patient_id: uuidv7() }), 'chart.entry.patient_mismatch', 'patient_id'],
    ] as const;
    for (const [forged, code, field] of cases) {
      expect(await pushAs(chart.desk, forged)).toEqual([expect.objectContaining({ status: 'refused', code, field })]);
    }
    expect(await entryRow(entryId)).toMatchObject({ revision: 1, body: labBody(95) });
  });

  it('refuses a removal without its reason, or in another doctor’s name', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const entryId = await recordedEntry(chart, patientId);
    const removal = (changed: Record<string, string | null>) =>
      deskChange(chart, 'chart_entries', entryId, {
        revision: 2,
        deleted_at: new Date().toISOString(),
        deleted_by: chart.doctor,
        deleted_reason: 'Запись внесена не тому пациенту',
        ...changed,
      });
    expect(outcomes(await pushAs(chart.desk, await removal({ deleted_reason: null })))).toEqual([
      'chart.entry.reason_required',
    ]);
    expect(outcomes(await pushAs(chart.desk, await removal({ deleted_by: chart.otherDoctor })))).toEqual([
      'chart.entry.actor_mismatch',
    ]);
    expect(outcomes(await pushAs(chart.desk, await removal({})))).toEqual(['applied']);
    expect(await entryRow(entryId)).toMatchObject({ revision: 2, deleted_by: chart.doctor });
  });

  it('keeps a previous version as written: never changed, only of an entry it knows, in its writer’s name', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const entryId = await recordedEntry(chart, patientId);
    const kept = previousVersion(chart, entryId, patientId);
    expect(outcomes(await pushAs(chart.desk, kept))).toEqual(['applied']);
    const rewrite = await deskChange(chart, 'chart_revisions', kept.rowId, { summary: 'Гемоглобин: 125 г/л' });
    expect(outcomes(await pushAs(chart.desk, rewrite))).toEqual(['chart.revision.immutable']);
    const cases = [
      [previousVersion(chart, uuidv7(), patientId), 'chart.entry.not_found', 'entry_id'],
      [
        previousVersion(chart, entryId, await enrolledPatient(chart.desk)),
        'chart.entry.patient_mismatch',
        'patient_id',
      ],
      [previousVersion(chart, entryId, patientId, { revision: 2 }), 'chart.entry.revision', 'revision'],
      [previousVersion(chart, entryId, patientId, { reason: '' }), 'chart.entry.reason_required', 'reason'],
      [
        previousVersion(chart, entryId, patientId, { replaced_by: chart.otherDoctor }),
        'chart.entry.actor_mismatch',
        'replaced_by',
      ],
    ] as const;
    for (const [forged, code, field] of cases) {
      expect(await pushAs(chart.desk, forged)).toEqual([expect.objectContaining({ status: 'refused', code, field })]);
    }
  });

  it('a clerk writes no chart entry; two doctors’ concurrent amendments are a conflict, not a refusal', async () => {
    const patientId = await enrolledPatient(chart.desk);
    const byClerk = newEntry(chart, patientId, { created_by: testStaff.clerk, updated_by: testStaff.clerk });
    expect(outcomes(await pushAs(chart.desk, { ...byClerk, actorId: testStaff.clerk }))).toEqual([
      'sync.actor_forbidden',
    ]);
    const entryId = await recordedEntry(chart, patientId);
    const first = await amendedEntry(chart, entryId, 125);
    const second = await amendedEntry(chart, entryId, 130, {}, chart.otherDoctor);
    expect(outcomes(await pushAs(chart.desk, first))).toEqual(['applied']);
    const other = await pushAs(chart.other, second);
    expect(other).toEqual([
      expect.objectContaining({ status: 'conflict', conflictFields: expect.arrayContaining(['body']) }),
    ]);
    expect(await entryRow(entryId)).toMatchObject({ revision: 2, body: labBody(125) });
  });
});
