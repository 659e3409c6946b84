import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { problemFromCode } from '../../../forms/field-problem';
import { FieldMessage } from '../../../forms/FieldMessage';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { formatDateTime } from '../../../format/date-time';
import { displaySnils } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { MergeComparison } from './MergeComparison';
import { Loading } from '../../../ui/Loading';

interface Props {
  card: Patient;
  candidateId: string;
  onClose: () => void;
  onMerged: (survivorId: string) => void;
}

/**
 * Merging two cards of one person (B2): the clerk chooses which card stays (the older one by
 * default), sees both side by side and what will move to the one that stays, gives a reason,
 * and confirms (the dialog opens on the choice; Enter moves on to the reason, Ctrl+Enter merges).
 * The merge itself is the main process's, audited; the merged card stays readable.
 */
export function MergeDialog({ card, candidateId, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const other = useApiQuery(`patient:${candidateId}`, (client) => client.patients.get({ id: candidateId }));
  const [keep, setKeep] = useState<'card' | 'other' | null>(null);
  const [reason, setReason] = useState('');
  const mutation = useApiMutation(
    (api, input: { survivorId: string; mergedId: string; reason: string }) => api.patients.merge(input),
    {
      fields: ['reason'],
      onSuccess: (done) => onMerged(done.survivorId),
    },
  );
  const reasonProblem = mutation.problems.byField.reason;

  const pair = other.status === 'ok' ? other.data : null;
  // The card made first stays unless the clerk says otherwise: its number is the one on paper.
  const side = keep ?? (pair && pair.createdAt < card.createdAt ? 'other' : 'card');
  const survivor = side === 'card' ? card : pair;
  const merged = side === 'card' ? pair : card;
  const plan = useApiQuery(
    survivor && merged ? `merge-plan:${survivor.id}:${merged.id}` : 'merge-plan:none',
    survivor && merged ? (client) => client.patients.mergePlan({ survivorId: survivor.id, mergedId: merged.id }) : null,
  );

  const merge = async (event?: FormEvent) => {
    event?.preventDefault();
    if (mutation.busy || !survivor || !merged || plan.status !== 'ok') return;
    if (reason.trim() === '') {
      mutation.showProblems({ byField: { reason: problemFromCode('input.required') } });
      return;
    }
    await mutation.run({ survivorId: survivor.id, mergedId: merged.id, reason });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="merge-dialog-title">
      <DialogTitle id="merge-dialog-title">{t('patients.merge.title')}</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={(event) => void merge(event)}
        onKeyDown={(event) => handleFormKeys(event, () => void merge())}
      >
        <DialogContent>
          {other.status === 'failed' && (
            <ApiErrorAlert title={t('patients.card.loadFailed')} problems={[other.error]} />
          )}
          {!pair && other.status !== 'failed' && <Loading space={0} />}
          {pair && survivor && merged && (
            <>
              <Typography component="h3" variant="subtitle1" id="merge-keep-label" sx={{ fontWeight: 600 }}>
                {t('patients.merge.keepLabel')}
              </Typography>
              <RadioGroup
                aria-labelledby="merge-keep-label"
                name="keep"
                value={side}
                onChange={(event) => setKeep(event.target.value as 'card' | 'other')}
                sx={{ mb: 2 }}
              >
                {(['card', 'other'] as const).map((value) => {
                  const person = value === 'card' ? card : pair;
                  return (
                    <FormControlLabel
                      key={value}
                      value={value}
                      control={<Radio autoFocus={value === side} />}
                      label={t('patients.merge.keepOption', {
                        name: fullName(person),
                        created: formatDateTime(person.createdAt),
                      })}
                    />
                  );
                })}
              </RadioGroup>
              <MergeComparison survivor={survivor} merged={merged} />
              <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, mt: 3 }}>
                {t('patients.merge.movesTitle')}
              </Typography>
              {plan.status === 'ok' && (
                <Box component="ul" sx={{ mt: 0.5 }}>
                  {plan.data.identifiers.map((field) => (
                    <li key={field}>
                      {t('patients.merge.movesIdentifier', {
                        field: t(`patients.fields.${field}`),
                        value: field === 'snils' && merged.snils ? displaySnils(merged.snils) : (merged[field] ?? ''),
                      })}
                    </li>
                  ))}
                  <li>{t('patients.merge.movesScans', { count: plan.data.scans })}</li>
                  <li>{t('patients.merge.movesDocuments', { count: plan.data.documents })}</li>
                  <li>
                    {t('patients.merge.movesConsents', { count: plan.data.consents, proxies: plan.data.proxies })}
                  </li>
                  <li>{t('patients.merge.movesHistory')}</li>
                </Box>
              )}
              {plan.status === 'failed' && (
                <ApiErrorAlert title={t('patients.merge.refused')} problems={[plan.error]} />
              )}
              <Alert severity="info" sx={{ my: 2 }}>
                {t('patients.merge.keptReadable', { name: fullName(merged) })}
              </Alert>
              <TextField
                label={t('patients.merge.reason')}
                value={reason}
                required
                fullWidth
                error={reasonProblem !== undefined}
                helperText={reasonProblem ? <FieldMessage problem={reasonProblem} /> : t('patients.merge.reasonHint')}
                onChange={(event) => {
                  setReason(event.target.value);
                  mutation.clearField('reason');
                }}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
              {mutation.problems.general.length > 0 && (
                <Box sx={{ mt: 2 }}>
                  <ApiErrorAlert title={t('patients.merge.failed')} problems={mutation.problems.general} />
                </Box>
              )}
            </>
          )}
        </DialogContent>
        <DialogFormActions
          onCancel={onClose}
          busy={mutation.busy || plan.status !== 'ok'}
          submitLabel={t('patients.merge.confirm')}
        />
      </Box>
    </Dialog>
  );
}
