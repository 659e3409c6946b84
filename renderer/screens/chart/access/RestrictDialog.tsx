import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictionView } from '../../../../shared/api/chart-access-calls';
import { restrictionReasons, type RestrictionReason } from '../../../../shared/rights/restrictions';
import { useApiMutation } from '../../../api/use-api-mutation';
import { FieldMessage } from '../../../forms/FieldMessage';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { announceChartAccessChanged } from './use-chart-access';

interface Draft {
  reason: RestrictionReason | '';
  basis: string;
  note: string;
}

/**
 * A restriction of one entry or of the whole chart (F4), decided by the treating team: the lawful
 * ground, the basis document and a note. The service's refusals show under their fields.
 */
export function RestrictDialog({
  patientId,
  entryId,
  onDone,
  onClose,
}: {
  patientId: string;
  entryId: string | null;
  onDone(restriction: RestrictionView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>({ reason: '', basis: '', note: '' });
  const mutation = useApiMutation(
    (api, input: Draft) =>
      api.chartAccess.restrict({
        patientId,
        entryId,
        reason: input.reason as RestrictionReason,
        basis: input.basis,
        note: input.note.trim() === '' ? null : input.note,
      }),
    {
      fields: ['reason', 'basis', 'note'],
      onSuccess: (data) => {
        announceChartAccessChanged();
        onDone(data);
      },
    },
  );
  const byField = mutation.problems.byField;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run(draft);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>
          {t(entryId === null ? 'chartAccess.restrict.title' : 'chartAccess.restrict.titleEntry')}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('chartAccess.restrict.intro')}</DialogContentText>
          {mutation.problems.general.length > 0 && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('chartAccess.restrict.failed')} problems={mutation.problems.general} />
            </Box>
          )}
          <TextField
            select
            required
            fullWidth
            autoFocus
            label={t('chartAccess.restrict.reason')}
            value={draft.reason}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value as RestrictionReason })}
            error={Boolean(byField.reason)}
            helperText={byField.reason && <FieldMessage problem={byField.reason} />}
            sx={{ mb: 2 }}
          >
            {restrictionReasons.map((reason) => (
              <MenuItem key={reason} value={reason}>
                {t(`chartAccess.reasons.${reason}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            required
            fullWidth
            label={t('chartAccess.restrict.basis')}
            value={draft.basis}
            onChange={(event) => setDraft({ ...draft, basis: event.target.value })}
            error={Boolean(byField.basis)}
            helperText={byField.basis ? <FieldMessage problem={byField.basis} /> : t('chartAccess.restrict.basisHint')}
            slotProps={{ htmlInput: { maxLength: 500 } }}
            sx={{ mb: 2 }}
          />
          <TextField
            fullWidth
            multiline
            minRows={2}
            label={t('chartAccess.restrict.note')}
            value={draft.note}
            onChange={(event) => setDraft({ ...draft, note: event.target.value })}
            error={Boolean(byField.note)}
            helperText={byField.note && <FieldMessage problem={byField.note} />}
          />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('chartAccess.restrict.save')} />
      </Box>
    </Dialog>
  );
}
