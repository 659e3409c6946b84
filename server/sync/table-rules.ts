import type { Knex } from 'knex';
import type { Permission } from '../../shared/auth/permissions';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult, SyncedTableName } from '../../shared/sync/protocol';
import type { ChangeLogWriter } from './change-log';

/** A row as the server holds it when a mutation arrives. */
export interface RowState {
  data: Record<string, unknown>;
}

/** Whose data a rule judges: every query a rule makes is scoped by the pushing device's clinic. */
export interface RuleScope {
  readonly clinicId: string;
}

/**
 * What a feature says about desks' writes to one of its tables. Sync applies every mutation the
 * same way (apply-mutation.ts); a table's own rules come from the feature that owns the table,
 * registered where the server is composed (server/app.ts), so sync imports no feature.
 */
export interface TableRule {
  readonly table: SyncedTableName;
  /**
   * What the writer needs beyond being a known, active person: `patients.write` unless named here
   * (staff accounts have their own rules: actor-rules.ts); a function when it depends on the row
   * (a chart's document scan is a doctor's, every other scan the front desk's).
   */
  readonly permission?: Permission | ((mutation: Pick<Mutation, 'table' | 'changed'>) => Permission);
  /**
   * Refuses a mutation by what the server holds (`current`: the row, if it exists), under the
   * change-log lock and after the actor's check. Refusals are not stored: a retry is judged again.
   */
  refuse?(
    trx: Knex.Transaction,
    mutation: Mutation,
    current: RowState | undefined,
    scope: RuleScope,
  ): Promise<MutationResult | null> | MutationResult | null;
  /** The server's own follow-up once the mutation is applied, in the same transaction (`log.clinicId`). */
  afterApply?(log: ChangeLogWriter, mutation: Mutation, before: RowState | undefined, at: Date): Promise<void>;
}

/** The table → rules registry: each table's rules in the order they were registered. */
export class TableRules {
  private readonly byTable = new Map<string, readonly TableRule[]>();

  constructor(rules: readonly TableRule[]) {
    for (const rule of rules) {
      const earlier = this.byTable.get(rule.table) ?? [];
      if (rule.permission !== undefined && earlier.some((other) => other.permission !== undefined)) {
        throw new Error(`Two rules name the permission to write ${rule.table}`);
      }
      this.byTable.set(rule.table, [...earlier, rule]);
    }
  }

  /** The tables that have rules of their own. */
  tables(): string[] {
    return [...this.byTable.keys()];
  }

  /** Whether `table` has rules of its own. */
  has(table: string): boolean {
    return this.byTable.has(table);
  }

  /** The permission the writer of this mutation needs, when a rule of its table names one. */
  permission(mutation: Pick<Mutation, 'table' | 'changed'>): Permission | undefined {
    const named = this.of(mutation.table).find((rule) => rule.permission !== undefined)?.permission;
    return typeof named === 'function' ? named(mutation) : named;
  }

  /** The first refusal of the table's rules, or null when none refuses. */
  async refuse(
    trx: Knex.Transaction,
    mutation: Mutation,
    current: RowState | undefined,
    scope: RuleScope,
  ): Promise<MutationResult | null> {
    for (const rule of this.of(mutation.table)) {
      const refused = (await rule.refuse?.(trx, mutation, current, scope)) ?? null;
      if (refused) return refused;
    }
    return null;
  }

  async afterApply(log: ChangeLogWriter, mutation: Mutation, before: RowState | undefined, at: Date): Promise<void> {
    for (const rule of this.of(mutation.table)) await rule.afterApply?.(log, mutation, before, at);
  }

  private of(table: string): readonly TableRule[] {
    return this.byTable.get(table) ?? [];
  }
}

/** A refusal of `mutation` with `code`, naming `field` when one is to blame (every rule's answer). */
export function refusal(mutation: Mutation, code: ErrorCode, field?: string): MutationResult {
  return field === undefined
    ? { mutationId: mutation.mutationId, status: 'refused', code }
    : { mutationId: mutation.mutationId, status: 'refused', code, field };
}
