import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallInput, type CallName } from '../../../shared/api/contract';
import { roles, rolePermissions, type Role } from '../../../shared/auth/permissions';
import type { StaffSession } from '../../../electron/auth/auth-context';
import { setupFirstAdmin } from '../../../electron/auth/first-admin';
import { createStaff } from '../../../electron/auth/staff-admin';
import { requirePerson, sessionFor } from '../../../electron/auth/staff-records';
import { createDispatcher } from '../../../electron/core/dispatcher';
import { actorOf } from '../../../electron/core/session-context';
import { draft } from '../../support/fixtures';
import { strongTestPassword } from '../../support/staff-over-api';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';
import { defaultThresholds } from '../../../shared/health/thresholds';
import { rawTx } from '../../../electron/store/raw-tx';

const anyId = randomUUID();
const keyAnswer = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
} as const;
const registration = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
} as const;

/** A well-formed input for every call; the type makes a call without one a compile error. */
function sampleInputs(self: string): { [N in CallName]: CallInput<N> } {
  return {
    'session.whoami': {},
    'auth.setupFirstAdmin': { login: 'second.admin', displayName: 'Второй Админ', password: strongTestPassword() },
    'auth.beginSignIn': { login: 'nobody.here', password: 'wrong' },
    'auth.finishSignIn': { attemptId: anyId, answer: keyAnswer },
    'auth.finishSignInWithTotp': { attemptId: anyId, code: '123456' },
    'auth.finishSignInWithRecoveryCode': { attemptId: anyId, code: 'ABCDE-FGHJK' },
    'auth.finishSignInWithOtp': { attemptId: anyId, otp: 'ccccccbcgujhingjrdejhgfnuetrgigvejhhgbkugded' },
    'auth.lock': {},
    'auth.beginUnlock': {},
    'auth.finishUnlock': { attemptId: anyId, answer: keyAnswer },
    'auth.signOut': {},
    'auth.beginReauthentication': {},
    'auth.reauthenticate': { method: 'password', password: 'wrong' },
    'account.changePassword': { currentPassword: 'wrong', newPassword: strongTestPassword() },
    'account.beginKeyEnrolment': { staffId: self },
    'account.finishKeyEnrolment': { attemptId: anyId, name: 'Ключ', answer: registration },
    'account.enrolYubikey': { staffId: self, name: 'YubiKey', otp: 'ccccccbcgujhingjrdejhgfnuetrgigvejhhgbkugded' },
    'account.keys': { staffId: self },
    'account.revokeKey': { keyId: anyId },
    'account.renewRecoveryCodes': {},
    'account.enrolTotp': { staffId: self },
    'account.confirmTotp': { staffId: self, code: '000000' },
    'staff.list': {},
    'staff.create': {
      login: `new.${randomUUID().slice(0, 8)}`,
      displayName: 'Новиков Ной',
      role: 'doctor',
      password: strongTestPassword(),
    },
    'staff.deactivate': { staffId: anyId },
    'staff.resetPassword': { staffId: anyId, password: strongTestPassword() },
    'audit.events': { view: 'alerts' },
    'audit.verify': {},
    'audit.merges': {},
    'keys.touch': { options: { challenge: 'AAAA' } },
    'keys.register': {
      options: {
        challenge: 'AAAA',
        rp: { name: 'Medcard Desk' },
        user: { id: 'AAAA', name: 'x', displayName: 'x' },
        pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      },
    },
    'patients.create': draft(),
    'patients.search': { query: 'Сем' },
    'patients.get': { id: anyId },
    'patients.accessLog': { id: anyId },
    'patients.update': { id: anyId, phone: '+79161234567' },
    'patients.contactHistory': { id: anyId },
    'reports.applications': {},
    'reports.applicationsCsv': {},
    'patients.duplicates': { surname: 'Семёнова', birthDate: '1980-03-15' },
    'patients.merge': { survivorId: anyId, mergedId: randomUUID(), reason: 'Одна и та же пациентка' },
    'patients.mergePlan': { survivorId: anyId, mergedId: randomUUID() },
    'scans.list': { patientId: anyId },
    'scans.upload': { offset: 0, chunk: 'AAAA' },
    'scans.accept': { uploadId: anyId, patientId: anyId, purpose: 'identity_document', source: 'file' },
    'scans.devices': {},
    'scans.scan': { deviceId: 'test:0' },
    'scans.job': { jobId: anyId },
    'scans.thumbnail': { id: anyId },
    'scans.content': { id: anyId },
    'scans.remove': { id: anyId, reason: 'Снят не тот документ' },
    'consents.text': {},
    'consents.state': { patientId: anyId },
    'consents.accept': { patientId: anyId, textVersion: '1', method: 'scan', scanId: randomUUID() },
    'consents.withdraw': { consentId: anyId, reason: 'Заявление пациента' },
    'consents.signature': { consentId: anyId },
    'proxies.list': { patientId: anyId },
    'proxies.add': {
      patientId: anyId,
      surname: 'Семёнова',
      name: 'Ольга',
      birthDate: '1985-04-02',
      relationship: 'mother',
      basis: 'parent_of_minor',
      scope: ['visits'],
      startsOn: '2026-11-25',
    },
    'proxies.revoke': { proxyId: anyId, reason: 'Заявление пациента' },
    'dictionaries.search': { name: 'insurers', query: 'Ингос' },
    'dictionaries.get': { name: 'insurers', code: '50002' },
    'dictionaries.searchScheduleCodes': { name: 'specialties', query: 'тера' },
    'dictionaries.getScheduleCode': { name: 'positions', code: '109' },
    'documents.list': { patientId: anyId },
    'documents.add': {
      patientId: anyId,
      document: {
        type: 'passport',
        series: '4508',
        number: '123456',
        issuerCode: '770-001',
        issuer: 'УФМС',
        issueDate: '2015-01-01',
      },
    },
    'documents.replace': { documentId: anyId },
    'documents.confirmPolicy': { documentId: anyId, decision: 'confirmed' },
    'documents.checkPolicy': { documentId: anyId },
    'documents.remove': { documentId: anyId, reason: 'Внесён не тому пациенту' },
    'documents.confirmComparison': {
      documentId: anyId,
      reading: { surname: 'Семёнова', name: 'Анна', birthDate: '1980-03-15', sex: 'female' },
      resolutions: {},
    },
    'verification.queue': {},
    'verification.count': {},
    'verification.get': { patientId: anyId },
    'verification.complete': {
      patientId: anyId,
      documentsSeen: [{ type: 'passport', number: '4508 123456' }],
      originalsChecked: true,
    },
    'applications.queue': {},
    'applications.count': {},
    'applications.get': { id: anyId },
    'applications.startReview': { id: anyId },
    'applications.finishCheck': { id: anyId, check: 'consent' },
    'applications.approve': { id: anyId, activationChannel: 'email' },
    'applications.deny': { id: anyId, reason: 'no_consent', note: '' },
    'applications.appealOutcome': { id: anyId, outcome: 'upheld', note: '' },
    'applications.takeAtDesk': { patientId: anyId },
    'applications.printedCode': { id: anyId },
    'recordRequests.queue': {},
    'recordRequests.count': {},
    'recordRequests.get': { id: anyId },
    'recordRequests.take': { id: anyId },
    'recordRequests.makeFile': { id: anyId, format: 'pdf' },
    'recordRequests.fileJob': { jobId: anyId },
    'recordRequests.cancelFile': { jobId: anyId },
    'recordRequests.handPaper': { id: anyId, receivedBy: { kind: 'patient' } },
    'recordRequests.finish': { id: anyId },
    'incidents.list': {},
    'incidents.count': {},
    'incidents.get': { id: anyId },
    'incidents.open': { kind: 'security', severity: 'low', title: 'Проверка' },
    'incidents.take': { id: anyId },
    'incidents.note': { id: anyId, note: 'Проверка' },
    'incidents.setStatus': { id: anyId, status: 'resolved', resolution: 'Проверка' },
    'incidents.classify': { id: anyId, kind: 'other', severity: 'low' },
    'incidents.recordNotice': { id: anyId, notice: 'notified', at: '2026-11-25T09:00:00.000Z' },
    'incidents.review': { id: anyId, review: 'Проверка' },
    'exports.start': { patientId: anyId, format: 'fhir' },
    'exports.job': { jobId: anyId },
    'exports.cancel': { jobId: anyId },
    'exports.take': { jobId: anyId },
    'exports.print': { patientId: anyId },
    'chart.history': { patientId: anyId },
    'chart.entry': { id: anyId },
    'chart.watch': { id: anyId },
    'chart.record': {
      patientId: anyId,
      draft: { kind: 'procedure', body: { serviceCode: 'A05.10.006', performedOn: '2026-11-20' } },
    },
    'chart.amend': {
      id: anyId,
      baseRevision: 1,
      draft: { kind: 'procedure', body: { serviceCode: 'A05.10.006', performedOn: '2026-11-20' } },
      reason: 'Уточнение записи',
    },
    'chart.remove': { id: anyId, baseRevision: 1, reason: 'Запись внесена ошибочно' },
    'chart.checkPrescription': {
      patientId: anyId,
      draft: { medicineCode: 'SMNN-1', dose: 500, unit: 'mg', timesPerDay: 3, route: 'oral', startOn: '2026-11-20' },
    },
    'chart.doctors': {},
    'chart.reports.queue': {},
    'chart.reports.count': {},
    'chart.reports.accept': {
      id: anyId,
      baseRevision: 1,
      draft: { kind: 'procedure', body: { serviceCode: 'A05.10.006', performedOn: '2026-11-20' } },
      reason: 'Сообщение пациента подтвердилось',
    },
    'chart.reports.decline': { id: anyId, reason: 'Запись соответствует документам приёма' },
    'chart.scans.upload': { offset: 0, chunk: 'AAAA' },
    'chart.scans.accept': { uploadId: anyId, patientId: anyId, source: 'file' },
    'chart.shares.list': { patientId: anyId },
    'chart.shares.giveConsent': {
      patientId: anyId,
      consent: {
        recipient: { name: 'Петров Пётр', organisation: 'Городская больница', email: 'petrov@example.org' },
        scope: 'whole_record',
      },
    },
    'chart.shares.revokeConsent': { id: anyId, reason: 'Пациент отозвал согласие' },
    'chart.shares.send': { consentId: anyId, entryIds: [anyId] },
    'appointments.options': {},
    'appointments.slots': { serviceTypeId: anyId, specialistId: anyId, from: '2026-12-08', to: '2026-12-09' },
    'appointments.range': { from: '2026-12-08', to: '2026-12-14' },
    'appointments.mine': { date: '2026-12-08' },
    'appointments.patient': { patientId: anyId },
    'appointments.get': { appointmentId: anyId },
    'appointments.book': {
      patientId: anyId,
      specialistId: anyId,
      serviceTypeId: anyId,
      startsAt: '2026-12-08T07:00:00.000Z',
    },
    'appointments.move': { appointmentId: anyId, startsAt: '2026-12-08T08:00:00.000Z' },
    'appointments.cancel': { appointmentId: anyId, reason: 'Пациент попросил' },
    'appointments.mark': { appointmentId: anyId, mark: 'arrived' },
    'appointments.attach': { appointmentId: anyId, kind: 'referral', title: 'Направление', scanId: anyId },
    'chartAccess.status': { patientId: anyId },
    'chartAccess.restrict': { patientId: anyId, reason: 'harm', basis: 'Протокол врачебной комиссии № 14' },
    'chartAccess.lift': { id: anyId, reason: 'Основание отпало' },
    'chartAccess.breakGlass': {
      patientId: anyId,
      reasonCode: 'unconscious',
      reasonText: 'Пациент доставлен без сознания',
      key: { attemptId: anyId, answer: keyAnswer },
    },
    'chartAccess.reviews': {},
    'chartAccess.review': { id: anyId, verdict: 'justified' },
    'chartAccess.settings': {},
    'chartAccess.setEmergencyHours': { hours: 12 },
    'schedules.get': {},
    'schedules.saveSpecialist': {
      staffId: null,
      displayName: 'Иванова Анна Петровна',
      specialtyCode: '1',
      positionCode: '1',
      department: null,
      roomId: null,
      active: true,
    },
    'schedules.saveRoom': { name: 'Кабинет 101', active: true },
    'schedules.saveServiceType': {
      serviceCode: 'B01.047.001',
      name: 'Приём терапевта',
      durationMin: 20,
      mode: 'in_person',
      dailyLimit: null,
      instructions: null,
      active: true,
    },
    'schedules.savePattern': {
      specialistId: anyId,
      roomId: null,
      weekday: 1,
      starts: '09:00',
      ends: '15:00',
      breaks: [],
      serviceTypeIds: null,
      validFrom: '2026-12-01',
      validTo: null,
    },
    'schedules.removePattern': { id: anyId },
    'schedules.saveException': {
      specialistId: anyId,
      kind: 'leave',
      fromDate: '2026-12-10',
      toDate: '2026-12-20',
      starts: null,
      ends: null,
      note: null,
    },
    'schedules.removeException': { id: anyId },
    'sync.status': {},
    'sync.conflicts': {},
    'sync.resolveConflict': { id: anyId, keep: 'server' },
    'dbKey.status': {},
    'dbKey.bindOptions': {},
    'dbKey.bind': {
      desk: anyId,
      prfSalt: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      credentialId: 'AAAA',
      prfOutput: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      label: 'Ключ',
    },
    'dbKey.unbind': { credentialId: 'AAAA' },
    'dbKey.unlockOptions': {},
    'dbKey.unlock': { credentialId: 'AAAA', prfOutput: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    'health.desks': {},
    'health.count': {},
    'health.thresholds.get': {},
    'health.thresholds.set': { ...defaultThresholds },
    'backups.list': {},
    'backups.run': {},
    'backups.job': { jobId: anyId },
    'backups.drill': {},
    'backups.settings.get': {},
    'backups.settings.set': { scheduled: true, time: '02:00', keepDaily: 7, keepWeekly: 4 },
  };
}

/** Refusals that come before any service runs. */
const gateCodes = [
  'forbidden',
  'auth.required',
  'auth.session_locked',
  'auth.account_setup_required',
  'auth.reauth_required',
  'auth.deactivated',
  'api.unknown_call',
];
const tables = [
  'patients',
  'audit_events',
  'sync_outbox',
  'staff',
  'staff_keys',
  'recovery_codes',
  'auth_challenges',
] as const;

let desk: TempDesk;
const sessions = new Map<Role, StaffSession>();

beforeAll(async () => {
  desk = await openTempDesk();
  const auth = desk.ctx.auth;
  const { session } = await setupFirstAdmin(auth, {
    login: 'admin',
    displayName: 'Админова Анна',
    password: strongTestPassword(),
  });
  const adminActor = actorOf({ state: 'active', session }, auth);
  for (const role of roles) {
    if (role === 'admin') continue;
    await createStaff(auth, adminActor, {
      login: `${role}.one`,
      displayName: 'Сотрудникова Софья',
      role,
      password: strongTestPassword(),
    });
  }
  desk.store.transaction((tx) => {
    for (const row of tx.all<{ id: string; role: Role }>("SELECT id, role FROM staff WHERE kind = 'person'")) {
      // Signed in as after both factors and a password of their own: only the role decides here.
      rawTx(tx).run('UPDATE staff SET must_change_password = 0, must_enrol_key = 0 WHERE id = ?', [row.id]);
      sessions.set(row.role, {
        ...sessionFor(tx, requirePerson(tx, row.id), 'webauthn', new Date().toISOString()),
        mustEnrolKey: false,
      });
    }
  });
});
afterAll(() => desk.cleanup());

function dispatcherFor() {
  return createDispatcher(
    () => ({ ...desk.ctx, actor: actorOf(desk.ctx.session.read(desk.ctx.clock.now()), desk.ctx.auth) }),
    { internal: () => undefined },
  );
}

const rows = () =>
  Object.fromEntries(
    tables.map((table) => [
      table,
      desk.store.transaction((tx) => tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n),
    ]),
  );

describe('every call of the contract under every role (A1, generated from the contract)', () => {
  for (const role of roles) {
    it(`${role}: allowed calls reach their service, the rest are refused with forbidden and write nothing`, async () => {
      const session = sessions.get(role);
      if (!session) throw new Error(`no ${role}`);
      const dispatch = dispatcherFor();
      const inputs = sampleInputs(session.staffId);
      for (const name of callNames) {
        desk.ctx.session.signIn(session, desk.ctx.clock.now());
        const permission = contract[name].permission;
        const allowed = permission === 'public' || rolePermissions[role].includes(permission);
        const before = rows();
        const result = await dispatch(name, inputs[name]);
        if (allowed) {
          const code = result.ok ? null : result.error.code;
          expect(
            code === null || (!gateCodes.includes(code) && !code.startsWith('input.')),
            `${role} ${name}: ${code}`,
          ).toBe(true);
        } else {
          expect(result, `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(rows(), `${role} ${name} wrote`).toEqual(before);
        }
      }
    });
  }

  it('signed out: every call but the public ones is refused with auth.required and writes nothing', async () => {
    const dispatch = dispatcherFor();
    const inputs = sampleInputs(anyId);
    for (const name of callNames.filter((call) => contract[call].permission !== 'public')) {
      desk.ctx.session.signOut();
      const before = rows();
      expect(await dispatch(name, inputs[name]), name).toMatchObject({ ok: false, error: { code: 'auth.required' } });
      expect(rows(), name).toEqual(before);
    }
  });

  it('locked: only the lock screen’s calls pass; the rest are refused with auth.session_locked', async () => {
    const clerk = sessions.get('clerk');
    if (!clerk) throw new Error('no clerk');
    const dispatch = dispatcherFor();
    const inputs = sampleInputs(clerk.staffId);
    for (const name of callNames.filter(
      (call) => contract[call].permission !== 'public' && contract[call].whileLocked !== 'allowed',
    )) {
      desk.ctx.session.signIn(clerk, desk.ctx.clock.now());
      desk.ctx.session.lock();
      const before = rows();
      expect(await dispatch(name, inputs[name]), name).toMatchObject({
        ok: false,
        error: { code: 'auth.session_locked' },
      });
      expect(rows(), name).toEqual(before);
    }
  });
});
