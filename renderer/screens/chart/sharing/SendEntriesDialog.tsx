import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareConsent } from '../../../../shared/chart/chart-views';
import { useApiMutation } from '../../../api/use-api-mutation';
import { problemFromCode } from '../../../forms/field-problem';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { EntryChecklist } from './EntryChecklist';

/**
 * Sends ticked entries under a consent in force (`chart.shares.send`): for chosen entries only
 * those the consent names (all ticked to start with); for the whole record any entry.
 */
export function SendEntriesDialog({
  consent,
  onClose,
  onSent,
}: {
  consent: ShareConsent;
  onClose(): void;
  onSent(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const limited = consent.scope === 'entries';
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(limited ? consent.entryIds : []));
  const mutation = useApiMutation<string[], unknown, 'entryIds'>(
    (api, entryIds) => api.chart['shares.send']({ consentId: consent.id, entryIds }),
    { fields: (field) => (field?.startsWith('entryIds') ? 'entryIds' : undefined), onSuccess: onSent },
  );
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (chosen.size === 0) return mutation.showProblems({ byField: { entryIds: problemFromCode('input.required') } });
    void mutation.run([...chosen]);
  };
  return (
    <Dialog open onClose={mutation.busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      >
        <DialogTitle id={titleId}>
          {t('chartSharing.sendDialog.title', {
            recipient: `${consent.recipient.name}, ${consent.recipient.organisation}`,
          })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('chartSharing.sendDialog.intro')}</DialogContentText>
          <EntryChecklist
            patientId={consent.patientId}
            chosen={chosen}
            onChange={(next) => {
              setChosen(next);
              mutation.clearField('entryIds');
            }}
            only={limited ? consent.entryIds : undefined}
            problem={mutation.problems.byField.entryIds}
          />
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('chartSharing.sendDialog.failed')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('chartSharing.sendDialog.submit')} />
      </Box>
    </Dialog>
  );
}
