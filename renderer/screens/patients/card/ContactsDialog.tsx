import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactField } from '../../../../shared/domain/contact-change';
import { contactFields } from '../../../../shared/domain/contact-change';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiMutation } from '../../../api/use-api-mutation';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { phoneMask } from '../../../forms/masks';
import { displayPhone } from '../../../format/identifiers';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { DocumentTextField } from '../documents/DocumentTextField';

type ContactValues = Record<ContactField, string>;

/**
 * «Изменить контакты» (B1): phone, e-mail and address as on the card, sent as typed (the main
 * process checks them with the enrolment's validators); Enter moves on, Ctrl+Enter saves, each
 * refusal under its field. Identity fields are not here: they change through the document
 * comparison.
 */
export function ContactsDialog({
  patient,
  onClose,
  onSaved,
}: {
  patient: Patient;
  onClose(): void;
  onSaved(patient: Patient, changed: readonly ContactField[]): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState<ContactValues>(() => ({
    phone: patient.phone ? displayPhone(patient.phone) : '',
    email: patient.email ?? '',
    address: patient.address ?? '',
  }));
  const mutation = useApiMutation((api, input: ContactValues) => api.patients.update({ id: patient.id, ...input }), {
    fields: contactFields,
    onSuccess: (data) => onSaved(data.patient, data.changed),
  });
  const problems = mutation.problems.byField;

  const field = (name: ContactField) => ({
    label: t(`contacts.${name}`),
    value: values[name],
    problem: problems[name],
    onChange: (value: string) => {
      setValues((prior) => ({ ...prior, [name]: value }));
      mutation.clearField(name);
    },
  });

  function save(event?: FormEvent) {
    event?.preventDefault();
    void mutation.run(values);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={save} onKeyDown={(event) => handleFormKeys(event, save)}>
        <DialogTitle id={titleId}>{t('contacts.title')}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('contacts.hint')}
          </Alert>
          <DocumentTextField
            {...field('phone')}
            mask={phoneMask}
            placeholder={phoneMask.template}
            inputMode="numeric"
            autoFocus
          />
          <DocumentTextField {...field('email')} maxLength={320} />
          <DocumentTextField {...field('address')} maxLength={500} />
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('contacts.failed')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('contacts.save')} />
      </Box>
    </Dialog>
  );
}
