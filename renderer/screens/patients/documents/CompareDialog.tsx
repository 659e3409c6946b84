import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRussianDate, parseRussianDate } from '../../../../shared/domain/calendar-date';
import {
  comparedFields,
  compareWithRecord,
  documentReadingSchema,
  isMismatch,
  recordNumberField,
  type ComparedField,
  type FieldComparison,
  type MismatchResolution,
} from '../../../../shared/domain/documents/compare';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import type { Patient, Sex } from '../../../../shared/domain/patient';
import { useApiMutation } from '../../../api/use-api-mutation';
import { FieldMessage } from '../../../forms/FieldMessage';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { dateMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { DocumentTextField } from './DocumentTextField';
import { displayDocumentNumber } from './document-labels';

interface Reading {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sex: Sex | '';
}

type TypedField = keyof Reading;
/** `reading.surname`: what was typed; `surname`: the mismatch the clerk has not answered. */
type ProblemField = `reading.${TypedField}` | ComparedField;
const typedFields: readonly TypedField[] = ['surname', 'name', 'patronymic', 'birthDate', 'sex'];

/**
 * The comparison (B5): the record on the left, what the clerk reads from the document on the
 * right, the mismatches below with the clerk's decision on each — confirmed as it is, or the
 * record corrected to the document. Stored and audited on save.
 */
export function CompareDialog({
  patient,
  document,
  onClose,
  onSaved,
}: {
  patient: Patient;
  document: IdentityDocumentView;
  onClose: () => void;
  onSaved: (notice: string, patient: Patient) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [reading, setReading] = useState<Reading>({
    surname: '',
    name: '',
    patronymic: '',
    birthDate: '',
    sex: document.type === 'driving_licence' ? '' : patient.sex,
  });
  const [resolutions, setResolutions] = useState<Partial<Record<ComparedField, MismatchResolution>>>({});
  const mutation = useApiMutation(
    (api, reading: typeof input) => api.documents.confirmComparison({ documentId: document.id, reading, resolutions }),
    {
      fields: (field) =>
        typedFields.some((name) => `reading.${name}` === field) || comparedFields.some((name) => name === field)
          ? (field as ProblemField)
          : undefined,
      onSuccess: (saved) => onSaved(t('documents.compare.done'), saved.patient),
    },
  );
  // What the main process said of a typed value, and of an unanswered mismatch.
  const problemOf = (field: TypedField) => mutation.problems.byField[`reading.${field}`];
  const unresolved = mutation.problems.byField;
  const general = mutation.problems.general;

  const input = {
    ...reading,
    birthDate: parseRussianDate(reading.birthDate) ?? reading.birthDate,
    sex: reading.sex === '' ? null : reading.sex,
  };
  const parsed = documentReadingSchema.safeParse(input);
  const fields: FieldComparison[] | null = parsed.success
    ? compareWithRecord(
        { ...patient, patronymic: patient.patronymic },
        { type: document.type, form: document.form, number: document.number },
        parsed.data,
      )
    : null;
  const mismatches = fields?.filter(isMismatch) ?? [];
  const label = (field: ComparedField) => t(`documents.compare.fields.${field}`);
  const show = (field: ComparedField, value: string | null) => {
    if (value === null || value === '') return t('documents.compare.empty');
    if (field === 'birthDate') return formatRussianDate(value);
    if (field === 'sex') return t(`sex.${value as Sex}`);
    if (field === 'number')
      return displayDocumentNumber({ type: document.type, form: document.form, series: null, number: value });
    return value;
  };
  const type = (field: TypedField) => (value: string) => {
    setReading((prior) => ({ ...prior, [field]: value }));
    mutation.clearField(`reading.${field}`);
  };

  function save(event?: FormEvent) {
    event?.preventDefault();
    void mutation.run(input);
  }

  const numberColumn = recordNumberField(document);
  const typedRows: { field: TypedField; record: string | null }[] = [
    { field: 'surname', record: patient.surname },
    { field: 'name', record: patient.name },
    { field: 'patronymic', record: patient.patronymic },
    { field: 'birthDate', record: patient.birthDate },
    { field: 'sex', record: patient.sex },
  ];

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <Box component="form" noValidate onSubmit={save} onKeyDown={(event) => handleFormKeys(event, save)}>
        <DialogTitle id={titleId}>
          {t('documents.compare.title', { type: t(`documents.types.${document.type}`) })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('documents.compare.intro')}</DialogContentText>
          <Table size="small" aria-label={t('documents.compare.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('documents.compare.field')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('documents.compare.record')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('documents.compare.document')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {typedRows.map(({ field, record }, index) => (
                <TableRow key={field}>
                  <TableCell component="th" scope="row">
                    {label(field)}
                  </TableCell>
                  <TableCell>{show(field, record)}</TableCell>
                  <TableCell sx={{ width: '45%', py: 1 }}>
                    {field === 'sex' ? (
                      <TextField
                        select
                        fullWidth
                        size="small"
                        label={label('sex')}
                        value={reading.sex}
                        onChange={(event) => type('sex')(event.target.value)}
                      >
                        <MenuItem value="male">{t('sex.male')}</MenuItem>
                        <MenuItem value="female">{t('sex.female')}</MenuItem>
                        <MenuItem value="">{t('documents.compare.sexNotStated')}</MenuItem>
                      </TextField>
                    ) : (
                      <DocumentTextField
                        label={label(field)}
                        value={reading[field]}
                        onChange={type(field)}
                        problem={problemOf(field)}
                        required={field !== 'patronymic'}
                        autoFocus={index === 0}
                        maxLength={100}
                        dense
                        {...(field === 'birthDate'
                          ? {
                              mask: dateMask,
                              placeholder: t('documents.form.datePlaceholder'),
                              inputMode: 'numeric' as const,
                            }
                          : {})}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {numberColumn && (
                <TableRow>
                  <TableCell component="th" scope="row">
                    {label('number')}
                  </TableCell>
                  <TableCell>{show('number', patient[numberColumn])}</TableCell>
                  <TableCell>{show('number', document.number)}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>

          {fields && mismatches.length === 0 && (
            <Alert severity="success" sx={{ mt: 2 }}>
              {t('documents.compare.noMismatches')}
            </Alert>
          )}
          {mismatches.length > 0 && (
            <Box component="section" aria-labelledby={`${titleId}-mismatches`} sx={{ mt: 3 }}>
              <Typography variant="h3" id={`${titleId}-mismatches`} sx={{ fontSize: '1.1rem', mb: 1 }}>
                {t('documents.compare.mismatches', { count: mismatches.length })}
              </Typography>
              {mismatches.map((mismatch) => (
                <FormControl
                  key={mismatch.field}
                  component="fieldset"
                  error={unresolved[mismatch.field] !== undefined}
                  sx={{ display: 'block', mb: 2 }}
                >
                  <FormLabel component="legend">
                    {t('documents.compare.resolution', { field: label(mismatch.field) })}:{' '}
                    {show(mismatch.field, mismatch.record)} → {show(mismatch.field, mismatch.document)} (
                    {t(`documents.compare.kinds.${mismatch.kind}`)})
                  </FormLabel>
                  <RadioGroup
                    row
                    name={`resolution-${mismatch.field}`}
                    value={resolutions[mismatch.field] ?? ''}
                    onChange={(event) => {
                      setResolutions((prior) => ({
                        ...prior,
                        [mismatch.field]: event.target.value as MismatchResolution,
                      }));
                      mutation.clearField(mismatch.field);
                    }}
                  >
                    <FormControlLabel value="confirmed" control={<Radio />} label={t('documents.compare.confirm')} />
                    <FormControlLabel value="corrected" control={<Radio />} label={t('documents.compare.correct')} />
                  </RadioGroup>
                  {unresolved[mismatch.field] && (
                    <Typography variant="body2" color="error">
                      <FieldMessage problem={unresolved[mismatch.field]!} />
                    </Typography>
                  )}
                </FormControl>
              ))}
            </Box>
          )}
          {general.length > 0 && <ApiErrorAlert title={t('documents.compare.failed')} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('documents.compare.save')} />
      </Box>
    </Dialog>
  );
}
