import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { tableRules } from '../../../server/app';
import { refusal, TableRules, type TableRule } from '../../../server/sync/table-rules';
import type { Mutation } from '../../../shared/sync/protocol';

const trx = {} as Knex.Transaction;
const scope = { clinicId: '00000000-0000-4000-8000-000000000001' };
const mutation = (table: string): Mutation =>
  ({ mutationId: '00000000-0000-7000-8000-000000000001', table, rowId: 'r', changed: {} }) as unknown as Mutation;

describe('the table → rules registry', () => {
  it('asks a table’s rules in the order they were registered, and only that table’s', async () => {
    const asked: string[] = [];
    const rule = (name: string, refuses: boolean): TableRule => ({
      table: 'staff',
      refuse: (_trx, m) => {
        asked.push(name);
        return refuses ? refusal(m, 'sync.staff_login_taken', 'login') : null;
      },
    });
    const rules = new TableRules([rule('first', false), rule('second', true), rule('third', true)]);
    expect(await rules.refuse(trx, mutation('staff'), undefined, scope)).toMatchObject({
      code: 'sync.staff_login_taken',
    });
    expect(asked).toEqual(['first', 'second']);
    expect(await rules.refuse(trx, mutation('patients'), undefined, scope)).toBeNull();
  });

  it('names the permission a table’s rule asks for, and refuses two rules that both name one', () => {
    const rules = tableRules();
    expect(rules.permission({ table: 'dictionary_releases', changed: {} })).toBe('settings.manage');
    expect(rules.permission({ table: 'patients', changed: {} })).toBeUndefined();
    // A scan's permission follows its purpose: a chart's document is a doctor's.
    expect(rules.permission({ table: 'document_scans', changed: { purpose: 'chart_document' } })).toBe('chart.write');
    expect(rules.permission({ table: 'document_scans', changed: { purpose: 'identity_document' } })).toBe(
      'patients.write',
    );
    const publish: TableRule = { table: 'dictionary_releases', permission: 'settings.manage' };
    const twice = () => new TableRules([publish, { ...publish, permission: 'patients.write' }]);
    expect(twice).toThrow(/dictionary_releases/);
  });

  it('the server composes the rules of staff, dictionaries, the portal and the chart', () => {
    expect(tableRules().tables().sort()).toEqual([
      'application_events',
      'applications',
      'appointment_attachments',
      'appointments',
      'chart_entries',
      'chart_reports',
      'chart_revisions',
      'chart_shares',
      'contact_changes',
      'dictionary_releases',
      'document_scans',
      'emergency_access',
      'health_thresholds',
      'incident_entries',
      'incidents',
      'online_identity',
      'record_request_files',
      'record_requests',
      'record_restrictions',
      'rooms',
      'schedule_exceptions',
      'service_types',
      'share_consents',
      'specialists',
      'staff',
      'work_patterns',
    ]);
  });

  it('sync imports no feature: the features register with it', () => {
    const folder = join(import.meta.dirname, '../../../server/sync');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/(portal|staff|dictionaries|chart|cabinet|appointments)\//);
    }
  });
});
