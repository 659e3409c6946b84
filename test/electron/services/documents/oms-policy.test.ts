import { afterEach, describe, expect, it } from 'vitest';
import { checkPolicy, confirmPolicy } from '../../../../electron/services/documents/confirm-policy';
import type { OmsRegistry } from '../../../../electron/services/documents/oms-registry';
import { localPolicyProblem } from '../../../../electron/services/documents/oms-registry';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { AppError } from '../../../../shared/errors/app-error';
import { validEnp } from '../../../support/fixtures';
import { enrolPatient, type TempDesk } from '../../../support/temp-desk';
import { auditActions, footprint, omsPolicy, on, openDocumentDesk } from './document-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function withPolicy(d: TempDesk, overrides: Record<string, unknown> = {}): Promise<IdentityDocumentView> {
  const patientId = await enrolPatient(d, { enp: validEnp() });
  const added = await d.dispatch('documents.add', { patientId, document: omsPolicy(overrides) });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return added.data as IdentityDocumentView;
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the OMS policy and its confirmation (B7)', () => {
  it('records a policy unchecked, with the insurer from the dictionary, then the clerk confirms it after the check', async () => {
    desk = await openDocumentDesk();
    const policy = await withPolicy(desk);
    expect(policy).toMatchObject({
      form: 'unified',
      insurerCode: '45001',
      insurerName: 'ООО «Тестовая страховая компания»',
      policyStatus: 'unchecked',
      policyReason: null,
    });
    expect(await desk.dispatch('documents.checkPolicy', { documentId: policy.id })).toMatchObject({
      ok: true,
      data: { status: 'confirmed', reason: null, source: 'local' },
    });
    const confirmed = await desk.dispatch('documents.confirmPolicy', { documentId: policy.id, decision: 'confirmed' });
    expect(confirmed).toMatchObject({
      ok: true,
      data: {
        policyStatus: 'confirmed',
        policyReason: null,
        policyCheckedAt: '2026-11-25T09:00:00.000Z',
        policyCheckedByName: expect.any(String),
      },
    });
    expect(auditActions(desk).slice(-2)).toEqual(['documents.policy_checked', 'documents.policy_confirmed']);
    const outbox = desk.store.transaction((tx) =>
      tx.get<{ changed: string }>(
        "SELECT changed FROM sync_outbox WHERE table_name = 'identity_documents' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(outbox!.changed)).toMatchObject({
      policy_status: 'confirmed',
      policy_checked_by: desk.ctx.actor.staffId,
    });
  });

  it('rejects a policy with the reason the clerk gives (the insurer says no), and refuses a rejection without one', async () => {
    desk = await openDocumentDesk();
    const policy = await withPolicy(desk);
    const before = footprint(desk);
    expect(
      await desk.dispatch('documents.confirmPolicy', { documentId: policy.id, decision: 'rejected' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'document.oms.reason_required', field: 'reason' },
    });
    expect(
      await desk.dispatch('documents.confirmPolicy', {
        documentId: policy.id,
        decision: 'confirmed',
        reason: 'expired',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'document.oms.reason_unexpected', field: 'reason' },
    });
    expect(footprint(desk)).toEqual(before);
    expect(
      await desk.dispatch('documents.confirmPolicy', {
        documentId: policy.id,
        decision: 'rejected',
        reason: 'insurer_refused',
      }),
    ).toMatchObject({
      ok: true,
      data: { policyStatus: 'rejected', policyReason: 'insurer_refused' },
    });
    expect(auditActions(desk).at(-1)).toBe('documents.policy_rejected');
  });

  it('will not confirm a policy that has expired since it was recorded: the check names the reason', async () => {
    desk = await openDocumentDesk();
    const policy = await withPolicy(desk, { form: 'temporary', number: '123456789', expiryDate: '2026-12-31' });
    const later = on(desk, '2027-01-11');
    expect(await checkPolicy(later, policy.id)).toEqual({ status: 'rejected', reason: 'expired', source: 'local' });
    const error = await refusal(() => confirmPolicy(later, { documentId: policy.id, decision: 'confirmed' }));
    expect(error.code).toBe('document.oms.check_failed.expired');
    expect(error.message).toContain('it has expired');
    expect(
      await confirmPolicy(later, { documentId: policy.id, decision: 'rejected', reason: 'expired' }),
    ).toMatchObject({ policyStatus: 'rejected', policyReason: 'expired', status: 'expired' });
  });

  it("asks the registry behind the adapter: the server's lookup plugs in with the same interface", async () => {
    desk = await openDocumentDesk();
    const policy = await withPolicy(desk);
    const asked: string[] = [];
    const registry: OmsRegistry = {
      check: (checked) => {
        asked.push(checked.number);
        return Promise.resolve({ status: 'rejected', reason: 'insurer_refused', source: 'registry' });
      },
    };
    const error = await refusal(() =>
      confirmPolicy(desk!.ctx, { documentId: policy.id, decision: 'confirmed' }, registry),
    );
    expect(error.code).toBe('document.oms.check_failed.insurer_refused');
    expect(asked).toEqual([validEnp()]);
  });

  it('judges a policy locally: check digit, temporary number, dates, insurer in force', () => {
    const insurer = {
      code: '45001',
      name: 'СМО',
      retired: false,
      data: { validFrom: '2011-01-01', validTo: null },
      version: '1',
    };
    const policy = {
      form: 'unified' as const,
      series: null,
      number: validEnp(),
      insurerCode: '45001',
      issueDate: '2021-01-01',
      expiryDate: null,
    };
    expect(localPolicyProblem(policy, '2026-11-25', insurer)).toBeNull();
    const wrongCheck = validEnp().slice(0, 15) + String((Number(validEnp()[15]) + 1) % 10);
    expect(localPolicyProblem({ ...policy, number: wrongCheck }, '2026-11-25', insurer)).toBe('wrong_number');
    expect(localPolicyProblem({ ...policy, form: 'temporary', number: '12345' }, '2026-11-25', insurer)).toBe(
      'wrong_number',
    );
    expect(localPolicyProblem({ ...policy, expiryDate: '2026-11-24' }, '2026-11-25', insurer)).toBe('expired');
    expect(localPolicyProblem(policy, '2026-11-25', null)).toBe('insurer_unknown');
    expect(localPolicyProblem(policy, '2026-11-25', { ...insurer, retired: true })).toBe('insurer_unknown');
    expect(
      localPolicyProblem(policy, '2026-11-25', {
        ...insurer,
        data: { validFrom: '2011-01-01', validTo: '2025-12-31' },
      }),
    ).toBe('insurer_unknown');
  });

  it('refuses to confirm what is not a policy', async () => {
    desk = await openDocumentDesk();
    const patientId = await enrolPatient(desk, { snils: null });
    const snils = await desk.dispatch('documents.add', {
      patientId,
      document: { type: 'snils', number: '112-233-445 95' },
    });
    const id = (snils as { data: IdentityDocumentView }).data.id;
    expect(await desk.dispatch('documents.confirmPolicy', { documentId: id, decision: 'confirmed' })).toMatchObject({
      ok: false,
      error: { code: 'document.oms.not_policy' },
    });
  });
});
