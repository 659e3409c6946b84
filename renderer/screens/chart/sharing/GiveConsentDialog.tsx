import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shareConsentDraftSchema, shareScopes, type ShareConsentDraft } from '../../../../shared/chart/sharing';
import { parseRussianDate } from '../../../../shared/domain/calendar-date';
import { toApiError } from '../../../../shared/errors/app-error';
import { inputError } from '../../../../shared/errors/zod-issues';
import { useApiMutation } from '../../../api/use-api-mutation';
import { problemFromCode, splitApiError } from '../../../forms/field-problem';
import { dateMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { EntrySelect } from '../forms/EntrySelect';
import { EntryTextField } from '../forms/EntryTextField';
import { handleEntryKeys } from '../forms/entry-form-keys';
import { twoColumns } from '../forms/grid';
import { EntryChecklist } from './EntryChecklist';

const boxes = ['name', 'organisation', 'specialty', 'email', 'scope', 'validUntil', 'entryIds'] as const;
type ConsentBox = (typeof boxes)[number];
type Scope = (typeof shareScopes)[number];

/** `consent.recipient.email` (the contract) or `recipient.email` (the draft) → `email`. */
function boxOf(field: string | undefined): ConsentBox | undefined {
  const name = field
    ?.replace(/^consent\./, '')
    .replace(/^recipient\./, '')
    .replace(/\.\d+$/, '');
  return boxes.find((box) => box === name);
}

/**
 * A consent the patient gives at the desk (D6): the recipient (name, organisation, specialty,
 * e-mail), the scope (the whole record or chosen entries) and how long it holds.
 */
export function GiveConsentDialog({
  patientId,
  onClose,
  onGiven,
}: {
  patientId: string;
  onClose(): void;
  onGiven(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [text, setText] = useState({ name: '', organisation: '', specialty: '', email: '', validUntil: '' });
  const [scope, setScope] = useState<Scope>('whole_record');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const mutation = useApiMutation<ShareConsentDraft, unknown, ConsentBox>(
    (api, consent) => api.chart['shares.giveConsent']({ patientId, consent }),
    { fields: boxOf, onSuccess: onGiven },
  );
  const problems = mutation.problems.byField;
  const edit = (box: keyof typeof text) => (value: string) => {
    setText((prior) => ({ ...prior, [box]: value }));
    mutation.clearField(box);
  };

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const draft = {
      recipient: {
        name: text.name,
        organisation: text.organisation,
        specialty: text.specialty,
        email: text.email.trim(),
      },
      scope,
      entryIds: scope === 'entries' ? [...chosen] : [],
      validUntil: text.validUntil.trim() === '' ? null : (parseRussianDate(text.validUntil) ?? text.validUntil),
    };
    const parsed = shareConsentDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const sorted = splitApiError(toApiError(inputError(parsed.error, draft)), boxOf);
      // An empty box is "required", whatever rule (length, e-mail format) it fails first.
      for (const box of ['name', 'organisation', 'email'] as const)
        if (sorted.byField[box] && text[box].trim() === '') sorted.byField[box] = problemFromCode('input.required');
      return mutation.showProblems(sorted);
    }
    if (scope === 'entries' && chosen.size === 0)
      return mutation.showProblems({
        byField: { entryIds: problemFromCode('input.required') },
      });
    void mutation.run(parsed.data);
  }

  return (
    <Dialog open onClose={mutation.busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleEntryKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('chartSharing.giveDialog.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('chartSharing.giveDialog.intro')}</DialogContentText>
          <Box sx={twoColumns}>
            <EntryTextField
              label={t('chartSharing.fields.name')}
              value={text.name}
              onChange={edit('name')}
              problem={problems.name}
              required
              autoFocus
              maxLength={200}
            />
            <EntryTextField
              label={t('chartSharing.fields.organisation')}
              value={text.organisation}
              onChange={edit('organisation')}
              problem={problems.organisation}
              required
              maxLength={300}
            />
            <EntryTextField
              label={t('chartSharing.fields.specialty')}
              value={text.specialty}
              onChange={edit('specialty')}
              problem={problems.specialty}
              maxLength={200}
            />
            <EntryTextField
              label={t('chartSharing.fields.email')}
              value={text.email}
              onChange={edit('email')}
              problem={problems.email}
              inputMode="email"
              required
              maxLength={254}
            />
            <EntrySelect
              label={t('chartSharing.fields.scope')}
              value={scope}
              options={shareScopes}
              labelOf={(option) => t(`chartSharing.scope.${option}`, { count: chosen.size })}
              onChange={(option) => {
                setScope(option === '' ? 'whole_record' : option);
                mutation.clearField('scope', 'entryIds');
              }}
              problem={problems.scope}
            />
            <EntryTextField
              label={t('chartSharing.fields.validUntil')}
              value={text.validUntil}
              onChange={edit('validUntil')}
              problem={problems.validUntil}
              mask={dateMask}
              placeholder={t('chartForms.fields.datePlaceholder')}
              helper={t('chartSharing.fields.validUntilHint')}
              inputMode="numeric"
            />
          </Box>
          {scope === 'entries' && (
            <EntryChecklist
              patientId={patientId}
              chosen={chosen}
              onChange={(next) => {
                setChosen(next);
                mutation.clearField('entryIds');
              }}
              problem={problems.entryIds}
            />
          )}
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('chartSharing.giveDialog.failed')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('chartSharing.giveDialog.submit')} />
      </Box>
    </Dialog>
  );
}
