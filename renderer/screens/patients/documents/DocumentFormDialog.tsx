import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRussianDate, parseRussianDate } from '../../../../shared/domain/calendar-date';
import type { DocumentInput } from '../../../../shared/domain/documents/document-schema';
import {
  documentTypes,
  type DocumentTypeName,
  type IdentityDocumentView,
} from '../../../../shared/domain/documents/identity-document';
import { useApiMutation } from '../../../api/use-api-mutation';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { dateMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { DocumentFields } from './DocumentFields';
import { DocumentTextField } from './DocumentTextField';
import {
  emptyDocumentForm,
  formFieldOf,
  toDocumentInput,
  type DocumentFormField,
  type DocumentFormValues,
} from './document-form-model';

/** What a save answers: the added document, or the replaced one (with its replacement). */
type Saved = IdentityDocumentView | { superseded: IdentityDocumentView };

export type DocumentDialogMode = { kind: 'add' } | { kind: 'replace'; document: IdentityDocumentView };

/**
 * Adds a document, or replaces one (B3): the replaced one stays, superseded, and the new one is
 * recorded now (the patient has it) or awaited — due within 5 business days of the change.
 */
export function DocumentFormDialog({
  patientId,
  mode,
  today,
  onClose,
  onSaved,
}: {
  patientId: string;
  mode: DocumentDialogMode;
  today: string;
  onClose: () => void;
  onSaved: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const replacing = mode.kind === 'replace' ? mode.document : null;
  const [values, setValues] = useState<DocumentFormValues>(() => emptyDocumentForm(replacing?.type ?? 'passport'));
  const [changedOn, setChangedOn] = useState(formatRussianDate(today));
  const [inHand, setInHand] = useState(true);
  const typeLabel = (type: DocumentTypeName) => t(`documents.types.${type}`);
  const mutation = useApiMutation<DocumentInput | null, Saved, DocumentFormField | 'changedOn'>(
    (api, document) =>
      replacing
        ? api.documents.replace({
            documentId: replacing.id,
            changedOn: parseRussianDate(changedOn) ?? changedOn,
            replacement: document,
          })
        : api.documents.add({ patientId, document: document! }),
    {
      fields: (field) => (field === 'changedOn' ? 'changedOn' : formFieldOf(field, values.type)),
      onSuccess: (saved) => {
        if ('superseded' in saved)
          onSaved(t('documents.form.replacedNotice', { date: formatRussianDate(saved.superseded.updateDue ?? today) }));
        else onSaved(t('documents.form.added', { type: typeLabel(saved.type) }));
      },
    },
  );
  const problems = mutation.problems.byField;
  const general = mutation.problems.general;

  const change = (patch: Partial<DocumentFormValues>, field?: DocumentFormField | 'changedOn') => {
    setValues((prior) => ({ ...prior, ...patch }));
    if (field) mutation.clearField(field);
  };

  function save(event?: FormEvent) {
    event?.preventDefault();
    void mutation.run(replacing && !inHand ? null : toDocumentInput(values));
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <Box component="form" noValidate onSubmit={save} onKeyDown={(event) => handleFormKeys(event, save)}>
        <DialogTitle id={titleId}>
          {replacing
            ? t('documents.form.replaceTitle', { type: typeLabel(replacing.type) })
            : t('documents.form.addTitle')}
        </DialogTitle>
        <DialogContent>
          {replacing ? (
            <>
              <DialogContentText sx={{ mb: 2 }}>{t('documents.form.replaceIntro')}</DialogContentText>
              <Box
                sx={{
                  display: 'grid',
                  gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' },
                  columnGap: 2,
                  alignItems: 'start',
                }}
              >
                <DocumentTextField
                  label={t('documents.form.changedOn')}
                  value={changedOn}
                  onChange={(value) => {
                    setChangedOn(value);
                    mutation.clearField('changedOn');
                  }}
                  problem={problems.changedOn}
                  mask={dateMask}
                  placeholder={t('documents.form.datePlaceholder')}
                  inputMode="numeric"
                  required
                  autoFocus
                />
                <FormControlLabel
                  control={<Checkbox checked={inHand} onChange={(event) => setInHand(event.target.checked)} />}
                  label={t('documents.form.inHand')}
                />
              </Box>
            </>
          ) : (
            <TextField
              select
              label={t('documents.fields.type')}
              value={values.type}
              onChange={(event) => {
                setValues(emptyDocumentForm(event.target.value as DocumentTypeName));
                mutation.reset();
              }}
              fullWidth
              sx={{ mt: 1, mb: 2 }}
              autoFocus
            >
              {documentTypes.map((type) => (
                <MenuItem key={type} value={type}>
                  {typeLabel(type)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {(!replacing || inHand) && (
            <DocumentFields values={values} problems={problems} onChange={change} autoFocus={false} />
          )}
          {general.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <ApiErrorAlert title={t('documents.form.failed')} problems={general} />
            </Box>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('documents.form.keyboardHint')}
          </Typography>
        </DialogContent>
        <DialogFormActions
          onCancel={onClose}
          busy={mutation.busy}
          submitLabel={
            mutation.busy
              ? t('documents.form.saving')
              : replacing
                ? t('documents.form.replaceSave')
                : t('documents.form.save')
          }
        />
      </Box>
    </Dialog>
  );
}
