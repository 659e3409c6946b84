import type { AdministrationRoute } from '../../../shared/chart/entry-kinds';
import type { FormularyRule, MedicineFacts } from '../../../shared/chart/prescription-check';
import type { DoseUnit } from '../../../shared/chart/units';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';

/**
 * What the chart's prescription check needs from the dictionaries: the ЕСКЛП's facts of one
 * medicine and the clinic's formulary, both from the active versions. The formulary's rules are
 * kept per store and version, so a new import is read at once.
 */

const activeVersion = (tx: ReadTx, name: string): string | null =>
  tx.get<{ version: string }>('SELECT version FROM dictionaries WHERE name = ? AND active = 1', [name])?.version ??
  null;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The ЕСКЛП's facts of the medicine with this СМНН code; null when there is none or no ЕСКЛП. */
export function medicineFacts(ctx: Pick<ServiceContext, 'store'>, code: string): MedicineFacts | null {
  return ctx.store.read((tx) => {
    const version = activeVersion(tx, 'medicines');
    if (version === null) return null;
    const row = tx.get<{ code: string; data: string }>(
      "SELECT code, data FROM dictionary_entries WHERE dictionary = 'medicines' AND version = ? AND code = ?",
      [version, code.trim()],
    );
    if (!row) return null;
    const data = JSON.parse(row.data) as Record<string, unknown>;
    return {
      code: row.code,
      inn: text(data.inn),
      form: text(data.form),
      atc: typeof data.atc === 'string' && data.atc !== '' ? data.atc : null,
      tradeName: text(data.tradeName),
    };
  });
}

const rulesCache = new WeakMap<object, { version: string; rules: FormularyRule[] }>();

/** Every rule of the active formulary; [] when none was imported. */
export function formularyRules(ctx: Pick<ServiceContext, 'store'>): FormularyRule[] {
  return ctx.store.read((tx) => {
    const version = activeVersion(tx, 'formulary');
    if (version === null) return [];
    const cached = rulesCache.get(ctx.store);
    if (cached?.version === version) return cached.rules;
    const rules = tx
      .all<{ data: string }>(
        "SELECT data FROM dictionary_entries WHERE dictionary = 'formulary' AND version = ? ORDER BY code",
        [version],
      )
      .map(({ data }) => toRule(JSON.parse(data) as Record<string, unknown>));
    rulesCache.set(ctx.store, { version, rules });
    return rules;
  });
}

function toRule(data: Record<string, unknown>): FormularyRule {
  return {
    inn: (data.inn as string | null) ?? null,
    atc: (data.atc as string | null) ?? null,
    form: (data.form as string | null) ?? null,
    route: (data.route as AdministrationRoute | null) ?? null,
    unit: data.unit as DoseUnit,
    ageFrom: Number(data.ageFrom),
    ageTo: data.ageTo === null || data.ageTo === undefined ? null : Number(data.ageTo),
    maxSingle: Number(data.maxSingle),
    maxDaily: Number(data.maxDaily),
  };
}
