import Alert from '@mui/material/Alert';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartEntryDetail } from '../../../../shared/api/chart-calls';
import { chartDraftSchema, type ChartDraftInput } from '../../../../shared/chart/drafts';
import { isoDay } from '../../../../shared/domain/calendar-date';
import type { ApiError } from '../../../../shared/errors/app-error';
import { toApiError } from '../../../../shared/errors/app-error';
import { inputError } from '../../../../shared/errors/zod-issues';
import { useApi } from '../../../api/api-context';
import { splitApiError, type FieldProblem } from '../../../forms/field-problem';
import { EncounterDiagnoses, type DiagnosisRow } from './EncounterDiagnoses';
import { EncounterFields } from './EncounterFields';
import { toDraft } from './entry-models';
import type { EntryDialogProps } from './entry-dialog-props';
import { EntryDialogFrame } from './EntryDialogFrame';
import { parseMoscowDateTime } from './entry-values';
import { useEntryForm } from './use-entry-form';

const diagnosisDraft = (row: DiagnosisRow, day: string): ChartDraftInput => ({
  kind: 'diagnosis',
  body: { icd10: row.icd10, role: row.role, status: 'active', establishedOn: day },
});

/** A refusal of one diagnosis as the problem under its code box. */
function rowProblem(error: ApiError): FieldProblem | undefined {
  const sorted = splitApiError(error, (field) => (field?.endsWith('icd10') ? 'icd10' : undefined));
  return sorted.byField.icd10 ?? sorted.general[0];
}

/**
 * An encounter with its diagnoses in one dialog: the encounter is recorded first, then each
 * diagnosis in it (`encounterId`; the diagnosis takes the visit's day). Every diagnosis is checked
 * before anything is sent; if the desk refuses one afterwards, the encounter and the diagnoses
 * already saved stay saved and marked, and the doctor corrects the rest and saves again.
 */
export function EncounterDialog(props: EntryDialogProps<'encounter'>) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useEntryForm('encounter', { ...props, onSaved: () => undefined });
  const recording = props.target.mode === 'record';
  const [rows, setRows] = useState<DiagnosisRow[]>(() =>
    recording ? [{ key: 1, icd10: '', role: 'main', saved: false }] : [],
  );
  const nextKey = useRef(2);
  const [recorded, setRecorded] = useState<ChartEntryDetail | null>(null);
  const [sending, setSending] = useState(false);

  const changeRow = (key: number, patch: Partial<DiagnosisRow> | null) =>
    setRows((prior) =>
      patch === null
        ? prior.filter((row) => row.key !== key)
        : prior.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    );

  async function save() {
    if (!recording) {
      const amended = await form.saving.save(toDraft('encounter', form.values), [], form.reason);
      if (amended) props.onSaved(amended);
      return;
    }
    const instant = parseMoscowDateTime(form.values.at);
    const day = instant ? isoDay(new Date(instant)) : null;
    const pending = rows.filter((row) => !row.saved && row.icd10 !== '');
    if (day) {
      let refused = false;
      const checked = rows.map((row) => {
        if (!pending.includes(row)) return row;
        const draft = diagnosisDraft(row, day);
        const parsed = chartDraftSchema.safeParse(draft);
        if (parsed.success) return row;
        refused = true;
        return { ...row, problem: rowProblem(toApiError(inputError(parsed.error, draft))) };
      });
      if (refused) return setRows(checked);
    }
    const encounter = recorded ?? (await form.saving.save(toDraft('encounter', form.values)));
    if (!encounter || !day) return;
    setRecorded(encounter);
    setSending(true);
    let allSaved = true;
    try {
      for (const row of pending) {
        const answer = await api.chart.record({
          patientId: props.patientId,
          encounterId: encounter.entry.id,
          draft: diagnosisDraft(row, day),
        });
        if (!answer.ok) allSaved = false;
        changeRow(row.key, answer.ok ? { saved: true, problem: undefined } : { problem: rowProblem(answer.error) });
      }
    } finally {
      setSending(false);
    }
    if (allSaved) props.onSaved(encounter);
  }

  return (
    <EntryDialogFrame
      title={form.title}
      onClose={recorded ? () => props.onSaved(recorded) : props.onClose}
      onSave={() => void save()}
      busy={form.saving.busy || sending}
      reason={form.reasonBox}
      general={form.saving.problems.general}
      wide
    >
      {recorded && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('chartForms.diagnoses.encounterSaved')}
        </Alert>
      )}
      <EncounterFields values={form.values} change={form.change} problems={form.problems} patientId={props.patientId} />
      {recording && (
        <EncounterDiagnoses
          rows={rows}
          onChange={changeRow}
          onAdd={() =>
            setRows((prior) => [
              ...prior,
              { key: nextKey.current++, icd10: '', role: prior.length === 0 ? 'main' : 'accompanying', saved: false },
            ])
          }
        />
      )}
    </EntryDialogFrame>
  );
}
