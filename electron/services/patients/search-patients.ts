import type { PatientSummary } from '../../../shared/domain/patient';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { livePatient } from './duplicate-candidates';
import { summaryColumns, toSummary, type PatientRow } from './patient-row';
import { planSearch, type SearchPlan } from './search-query';

export interface SearchResult {
  items: PatientSummary[];
  more: boolean;
}

type SummaryRow = Pick<PatientRow, 'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone'>;

// Past the last Cyrillic letter in UTF-8 byte order: `x >= p AND x < p || top` is "starts with p".
const top = '\uffff';
const nameColumns = ['surname_fold', 'name_fold', 'patronymic_fold'] as const;
const order = 'ORDER BY surname_fold, name_fold, patronymic_fold, birth_date';

/** The search box (UX.md); every search is audited with the patients it showed (F1). */
export function searchPatients(ctx: ActorContext, query: string, limit: number): SearchResult {
  const plan = planSearch(query);
  return ctx.store.transaction((tx) => {
    const sql = toSql(plan, limit + 1);
    const rows = sql ? tx.all<SummaryRow>(sql.text, sql.params) : [];
    const items = rows.slice(0, limit).map(toSummary);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'patients.search',
      details: { query, shown: items.map((item) => item.id) },
    });
    return { items, more: rows.length > limit };
  });
}

function toSql(plan: SearchPlan, limit: number): { text: string; params: unknown[] } | null {
  const where: string[] = [];
  const params: unknown[] = [];
  switch (plan.kind) {
    case 'empty':
      return null;
    case 'identifier':
      for (const column of ['snils', 'enp', 'inn', 'phone'] as const) {
        const value = plan[column];
        if (value !== undefined) {
          where.push(`${column} = ?`);
          params.push(value);
        }
      }
      break;
    case 'digits': {
      where.push('(snils >= ? AND snils < ?)');
      params.push(plan.prefix, plan.prefix + top);
      const national = /^[78]/.test(plan.prefix) ? plan.prefix.slice(1) : plan.prefix;
      where.push('(phone >= ? AND phone < ?)');
      params.push(`+7${national}`, `+7${national}${top}`);
      break;
    }
    case 'name': {
      const conditions: string[] = [];
      plan.parts.forEach((part, i) => {
        conditions.push(`${nameColumns[i]} >= ? AND ${nameColumns[i]} < ?`);
        params.push(part, part + top);
      });
      if (plan.birthDate) {
        conditions.push('birth_date = ?');
        params.push(plan.birthDate);
      }
      if (plan.birthYear) {
        conditions.push('birth_date >= ? AND birth_date < ?');
        params.push(`${plan.birthYear}-01-01`, `${Number(plan.birthYear) + 1}-01-01`);
      }
      where.push(conditions.join(' AND '));
      break;
    }
  }
  const text = `SELECT ${summaryColumns} FROM patients WHERE ${livePatient} AND (${where.join(' OR ')}) ${order} LIMIT ?`;
  return { text, params: [...params, limit] };
}
