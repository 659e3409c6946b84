import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../forms/field-problem';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';

/** The frame of every schedule item's form: title, fields, the refusals no field owns, Cancel / Save (Ctrl+Enter). */
export function SetupDialog({
  title,
  busy,
  general,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  busy: boolean;
  general: readonly FieldProblem[];
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Box sx={{ pt: 1 }}>{children}</Box>
          {general.length > 0 && <ApiErrorAlert title={t('schedules.saveFailed')} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={t('schedules.save')} />
      </Box>
    </Dialog>
  );
}
