import type { DocumentInput } from '../../../../shared/domain/documents/document-schema';
import type { ServiceContext } from '../../../../electron/core/context';
import { importDocumentDictionaries, testInsurers } from '../../../support/document-dictionaries';
import { validEnp } from '../../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

/** A clerk's desk (25.11.2026) with the 2026 calendar and the test insurers imported. */
export async function openDocumentDesk(): Promise<TempDesk> {
  const desk = await openTempDesk({ role: 'clerk' });
  importDocumentDictionaries(desk.ctx);
  return desk;
}

/** The same desk on another day (Moscow noon). */
export function on(desk: TempDesk, isoDate: string): ServiceContext {
  return { ...desk.ctx, clock: { now: () => new Date(`${isoDate}T09:00:00Z`) } };
}

/** A passport of the test patient (born 15.03.1980), issued after 45: valid without a limit. */
export function passport(overrides: Record<string, unknown> = {}): DocumentInput {
  return {
    type: 'passport',
    series: '45 25',
    number: '123456',
    issuerCode: '770-001',
    issuer: 'ГУ МВД России по г. Москве',
    issueDate: '2025-04-01',
    ...overrides,
  } as DocumentInput;
}

export function omsPolicy(overrides: Record<string, unknown> = {}): DocumentInput {
  return {
    type: 'oms_policy',
    form: 'unified',
    number: validEnp(),
    insurerCode: testInsurers.current.code,
    issueDate: '2021-02-01',
    ...overrides,
  } as DocumentInput;
}

/** Everything a refused write must leave as it was. */
export function footprint(desk: TempDesk): Record<string, number> {
  return Object.fromEntries(
    ['identity_documents', 'sync_outbox', 'row_history', 'patients'].map((table) => [table, desk.count(table)]),
  );
}

export function auditActions(desk: TempDesk): string[] {
  return desk.store
    .transaction((tx) => tx.all<{ action: string }>('SELECT action FROM audit_events ORDER BY seq'))
    .map((row) => row.action);
}
