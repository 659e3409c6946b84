import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../forms/field-problem';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EntryTextField } from './EntryTextField';
import { handleEntryKeys } from './entry-form-keys';

/** The amendment's reason box (D4: who, when and why are kept with the previous version). */
export interface ReasonBox {
  value: string;
  onChange(value: string): void;
  problem?: FieldProblem;
}

/**
 * A chart form's dialog: the title, the boxes, an amendment's reason, what was refused as a
 * whole, and Cancel / Save. Ctrl+Enter saves, Esc cancels.
 */
export function EntryDialogFrame({
  title,
  onClose,
  onSave,
  busy,
  saveDisabled = false,
  reason,
  general,
  wide = false,
  children,
}: {
  title: string;
  onClose(): void;
  onSave(): void;
  busy: boolean;
  saveDisabled?: boolean;
  reason: ReasonBox | null;
  general: readonly FieldProblem[];
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!busy && !saveDisabled) onSave();
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth={wide ? 'lg' : 'md'} fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleEntryKeys(event, submit)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Box sx={{ pt: 1 }}>{children}</Box>
          {reason && (
            <EntryTextField
              label={t('chartForms.amend.reason')}
              value={reason.value}
              onChange={reason.onChange}
              problem={reason.problem}
              helper={t('chartForms.amend.reasonHint')}
              required
              maxLength={1000}
            />
          )}
          {general.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <ApiErrorAlert title={t('chartForms.failed')} problems={general} />
            </Box>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('chartForms.keyboardHint')}
          </Typography>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || saveDisabled}>
            {busy ? t('chartForms.saving') : reason ? t('chartForms.amend.save') : t('chartForms.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
