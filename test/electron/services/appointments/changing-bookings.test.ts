import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import { newId } from '../../../../electron/store/ids';
import { rawTx } from '../../../../electron/store/raw-tx';
import { at } from '../../../support/appointment-fixtures';
import type { TempDesk } from '../../../support/temp-desk';
import { clockAt, openClinicDesk, type ClinicDesk } from './clinic-desk';

let clinic: ClinicDesk | undefined;
afterEach(async () => {
  await clinic?.desk.cleanup();
  clinic = undefined;
});

async function bookedClinic(): Promise<{ c: ClinicDesk; first: AppointmentView }> {
  clinic = await openClinicDesk();
  const c = clinic;
  const first = await c.call<AppointmentView>('clerk', 'appointments.book', {
    patientId: c.patients[0],
    specialistId: c.fixture.specialists.therapist,
    serviceTypeId: c.fixture.services.therapistFirst,
    startsAt: at('2026-11-26', '09:00'),
  });
  return { c, first };
}

/** As the sync worker records the server's refusal of the booking's request (test set-up). */
function refuseRequest(desk: TempDesk, appointmentId: string, code: string): void {
  desk.store.transaction((tx) =>
    rawTx(tx).run(
      `UPDATE sync_outbox SET status = 'refused', refused_code = ?, refused_field = 'startsAt'
        WHERE table_name = 'appointments' AND row_id = ? AND base_version = 0`,
      [code, appointmentId],
    ),
  );
}

/** A row of `table` for the set-up, with every NOT NULL column given a plain value unless `values` names it. */
function insertRow(desk: TempDesk, table: string, values: Record<string, string | number>): string {
  const id = newId();
  desk.store.transaction((tx) => {
    const columns = tx.all<{ name: string; notnull: number; dflt_value: unknown; type: string }>(
      `PRAGMA table_info(${table})`,
    );
    const row: Record<string, string | number> = { id };
    for (const column of columns)
      if (column.notnull === 1 && column.dflt_value === null && !(column.name in row))
        row[column.name] = /INT|REAL|FLOAT/i.test(column.type) ? 1 : 'x';
    Object.assign(row, values);
    const names = Object.keys(row);
    rawTx(tx).run(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, [
      ...Object.values(row),
    ]);
  });
  return id;
}

describe('moving a booking (E1: the new slot is asked for before the old is freed)', () => {
  it('asks for the new time as a request that replaces the old; the old keeps its time until the server answers', async () => {
    const { c, first } = await bookedClinic();
    // 09:10 overlaps the booking's own 09:00–09:20: its own time does not stand in the way.
    const moved = await c.call<AppointmentView>('clerk', 'appointments.move', {
      appointmentId: first.id,
      startsAt: at('2026-11-26', '09:10'),
    });
    expect(moved).toMatchObject({
      status: 'requested',
      pending: 'waiting',
      replacesId: first.id,
      patientId: first.patientId,
    });
    const old = await c.call<{ appointment: AppointmentView }>('clerk', 'appointments.get', {
      appointmentId: first.id,
    });
    expect(old.appointment).toMatchObject({ status: 'requested', replacedBy: moved.id });
    // Moving it again is refused: it is already being moved.
    expect(
      await c.refusal('clerk', 'appointments.move', { appointmentId: first.id, startsAt: at('2026-11-26', '10:00') }),
    ).toMatchObject({ code: 'appointments.not_active', field: 'appointmentId' });
  });

  it('refuses a move to a taken time, and to another specialist who does not offer the service', async () => {
    const { c, first } = await bookedClinic();
    await c.call('clerk', 'appointments.book', {
      patientId: c.patients[1],
      specialistId: c.fixture.specialists.therapist,
      serviceTypeId: c.fixture.services.therapistFirst,
      startsAt: at('2026-11-26', '10:00'),
    });
    expect(
      await c.refusal('clerk', 'appointments.move', { appointmentId: first.id, startsAt: at('2026-11-26', '10:10') }),
    ).toMatchObject({ code: 'appointments.slot.taken' });
    expect(
      await c.refusal('clerk', 'appointments.move', {
        appointmentId: first.id,
        startsAt: at('2026-11-27', '10:00'),
        specialistId: c.fixture.specialists.surgeon,
      }),
    ).toMatchObject({ code: 'appointments.slot.not_offered' });
    expect(
      await c.refusal('clerk', 'appointments.move', { appointmentId: 'gone', startsAt: at('2026-11-26', '11:00') }),
    ).toMatchObject({ code: 'appointments.not_found', field: 'appointmentId' });
    expect(c.desk.count('appointments')).toBe(2);
  });
});

describe('cancelling and marking', () => {
  it('cancels with a reason, once; a cancelled booking cannot be moved or marked', async () => {
    const { c, first } = await bookedClinic();
    const cancelled = await c.call<AppointmentView>('clerk', 'appointments.cancel', {
      appointmentId: first.id,
      reason: 'Пациент перезвонил',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Пациент перезвонил',
      cancelledBy: c.desk.ctx.actor.staffId,
      cancelledAt: '2026-11-25T09:00:00.000Z',
    });
    for (const [name, input] of [
      ['appointments.cancel', { appointmentId: first.id, reason: 'Ещё раз' }],
      ['appointments.move', { appointmentId: first.id, startsAt: at('2026-11-26', '11:00') }],
      ['appointments.mark', { appointmentId: first.id, mark: 'arrived' }],
    ] as const)
      expect(await c.refusal('clerk', name, input)).toMatchObject({
        code: 'appointments.not_active',
        message: {
          ru: 'Запись уже отменена, перенесена или состоялась: её нельзя изменить',
          en: 'The booking is already cancelled, moved or past: it cannot be changed',
        },
      });
    expect(await c.refusal('clerk', 'appointments.cancel', { appointmentId: first.id, reason: '' })).toMatchObject({
      code: 'input.too_short',
    });
  });

  it('marks an arrival at once, and a no-show only once the visit has begun', async () => {
    const { c, first } = await bookedClinic();
    const second = await c.call<AppointmentView>('clerk', 'appointments.book', {
      patientId: c.patients[1],
      specialistId: c.fixture.specialists.therapist,
      serviceTypeId: c.fixture.services.therapistFirst,
      startsAt: at('2026-11-26', '09:20'),
    });
    expect(await c.refusal('clerk', 'appointments.mark', { appointmentId: second.id, mark: 'no_show' })).toMatchObject({
      code: 'appointments.mark.too_early',
      field: 'mark',
    });
    const arrived = await c.call<AppointmentView>(
      'clerk',
      'appointments.mark',
      { appointmentId: first.id, mark: 'arrived' },
      clockAt(at('2026-11-26', '08:50')),
    );
    expect(arrived).toMatchObject({ status: 'arrived', arrivedAt: at('2026-11-26', '08:50') });
    const noShow = await c.call<AppointmentView>(
      'clerk',
      'appointments.mark',
      { appointmentId: second.id, mark: 'no_show' },
      clockAt(at('2026-11-26', '09:25')),
    );
    expect(noShow).toMatchObject({ status: 'no_show', noShowAt: at('2026-11-26', '09:25') });
  });
});

describe('a request the server refused (pending: refused)', () => {
  it('shows the server’s code, holds no time, and cannot be changed', async () => {
    const { c, first } = await bookedClinic();
    refuseRequest(c.desk, first.id, 'appointments.slot.taken');
    const view = await c.call<{ appointment: AppointmentView }>('clerk', 'appointments.get', {
      appointmentId: first.id,
    });
    expect(view.appointment).toMatchObject({ pending: 'refused', refusedCode: 'appointments.slot.taken' });
    expect(
      await c.refusal('clerk', 'appointments.cancel', { appointmentId: first.id, reason: 'Не нужно' }),
    ).toMatchObject({ code: 'appointments.not_active' });
    await expect(
      c.call('clerk', 'appointments.book', {
        patientId: c.patients[1],
        specialistId: c.fixture.specialists.therapist,
        serviceTypeId: c.fixture.services.therapistFirst,
        startsAt: at('2026-11-26', '09:00'),
      }),
    ).resolves.toMatchObject({ pending: 'waiting' });
  });
});

describe('attachments (E2)', () => {
  it('links a scan or a chart entry of the patient, counted on the booking and listed for the doctor', async () => {
    const { c, first } = await bookedClinic();
    const scanId = insertRow(c.desk, 'document_scans', { patient_id: first.patientId });
    const entryId = insertRow(c.desk, 'chart_entries', { patient_id: first.patientId, kind: 'lab_result' });
    const referral = await c.call('clerk', 'appointments.attach', {
      appointmentId: first.id,
      kind: 'referral',
      title: 'Направление на консультацию',
      scanId,
    });
    expect(referral).toMatchObject({ kind: 'referral', scanId, chartEntryId: null, addedVia: 'desk' });
    await c.call('clerk', 'appointments.attach', {
      appointmentId: first.id,
      kind: 'result',
      title: 'Общий анализ крови',
      chartEntryId: entryId,
    });
    const seen = await c.call<{ appointment: AppointmentView; attachments: { title: string }[] }>(
      'doctor',
      'appointments.get',
      { appointmentId: first.id },
    );
    expect(seen.appointment.attachmentCount).toBe(2);
    expect(seen.attachments.map((a) => a.title)).toEqual(['Направление на консультацию', 'Общий анализ крови']);
  });

  it('refuses another patient’s file, none or both, and a cancelled booking', async () => {
    const { c, first } = await bookedClinic();
    const othersScan = insertRow(c.desk, 'document_scans', { patient_id: c.patients[1]! });
    const base = { appointmentId: first.id, kind: 'result', title: 'Результат' };
    expect(await c.refusal('clerk', 'appointments.attach', { ...base, scanId: othersScan })).toMatchObject({
      code: 'appointments.attachment.not_found',
      field: 'scanId',
    });
    expect(await c.refusal('clerk', 'appointments.attach', base)).toMatchObject({
      code: 'appointments.attachment.source',
    });
    await c.call('clerk', 'appointments.cancel', { appointmentId: first.id, reason: 'Отмена записи' });
    const ownScan = insertRow(c.desk, 'document_scans', { patient_id: first.patientId });
    expect(await c.refusal('clerk', 'appointments.attach', { ...base, scanId: ownScan })).toMatchObject({
      code: 'appointments.not_active',
    });
    expect(c.desk.count('appointment_attachments')).toBe(0);
  });
});
