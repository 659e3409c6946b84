import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../shared/api/audit-calls';
import { fromLocalInput } from '../../format/datetime-local';

const fields = ['patientId', 'actor', 'device', 'action'] as const;
type Draft = Record<(typeof fields)[number] | 'from' | 'to', string>;
const empty: Draft = { patientId: '', actor: '', device: '', action: '', from: '', to: '' };

/** A local date and time from the picker as an ISO instant; empty stays unset. */
const instant = (local: string): string | undefined => fromLocalInput(local) ?? undefined;

function toFilter(draft: Draft): AuditFilter {
  const filter: AuditFilter = {};
  for (const field of fields) if (draft[field].trim()) filter[field] = draft[field].trim();
  const from = instant(draft.from);
  const to = instant(draft.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/** The auditor's filters: patient, person, desk, action, and a time window. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(empty);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(toFilter(draft));
  };
  return (
    <Box
      component="form"
      role="search"
      aria-label={t('auditLog.filters.label')}
      onSubmit={submit}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2, alignItems: 'center' }}
    >
      {fields.map((field) => (
        <TextField
          key={field}
          size="small"
          label={t(`auditLog.filters.${field}`)}
          value={draft[field]}
          onChange={set(field)}
        />
      ))}
      {(['from', 'to'] as const).map((field) => (
        <TextField
          key={field}
          size="small"
          type="datetime-local"
          label={t(`auditLog.filters.${field}`)}
          value={draft[field]}
          onChange={set(field)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      ))}
      <Button type="submit" variant="contained">
        {t('auditLog.filters.apply')}
      </Button>
      <Button
        onClick={() => {
          setDraft(empty);
          onApply({});
        }}
      >
        {t('auditLog.filters.clear')}
      </Button>
    </Box>
  );
}
