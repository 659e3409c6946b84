import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { omsForms } from '../../../../shared/domain/documents/identity-document';
import type { FieldProblem } from '../../../forms/field-problem';
import { FieldMessage } from '../../../forms/FieldMessage';
import { dateMask, snilsMask } from '../../../forms/masks';
import { DocumentTextField } from './DocumentTextField';
import {
  enpMask,
  issuerCodeMask,
  licenceMask,
  passportMask,
  precheckNumber,
  type DocumentFormField,
  type DocumentFormValues,
  type OmsForm,
} from './document-form-model';
import { InsurerField } from './InsurerField';

interface Props {
  values: DocumentFormValues;
  problems: Partial<Record<DocumentFormField, FieldProblem>>;
  onChange: (patch: Partial<DocumentFormValues>, field?: DocumentFormField) => void;
  autoFocus: boolean;
}

/** The fields of one kind of document, in the order they are printed on it. */
export function DocumentFields({ values, problems, onChange, autoFocus }: Props) {
  const { t } = useTranslation();
  const text = (field: Exclude<DocumentFormField, 'hasPhoto' | 'hasSignature' | 'damaged'>, label: string) => ({
    label,
    value: values[field],
    onChange: (value: string) => onChange({ [field]: value }, field),
    problem: problems[field] ?? (field === 'number' ? precheckNumber(values) : undefined),
  });
  const date = (field: 'issueDate' | 'expiryDate', label: string, required = true) => (
    <DocumentTextField
      {...text(field, label)}
      mask={dateMask}
      placeholder={t('documents.form.datePlaceholder')}
      inputMode="numeric"
      required={required}
    />
  );
  const check = (field: 'hasPhoto' | 'hasSignature' | 'damaged', label: string) => (
    <Box>
      <FormControlLabel
        control={
          <Checkbox checked={values[field]} onChange={(event) => onChange({ [field]: event.target.checked }, field)} />
        }
        label={label}
      />
      {problems[field] && (
        <FormHelperText error>
          <FieldMessage problem={problems[field]} />
        </FormHelperText>
      )}
    </Box>
  );

  const fields = (() => {
    switch (values.type) {
      case 'passport':
        return (
          <>
            <DocumentTextField
              {...text('passportNumber', t('documents.fields.passportNumber'))}
              mask={passportMask}
              placeholder={passportMask.template}
              inputMode="numeric"
              required
              autoFocus={autoFocus}
            />
            {date('issueDate', t('documents.fields.issueDate'))}
            <DocumentTextField
              {...text('issuerCode', t('documents.fields.issuerCode'))}
              mask={issuerCodeMask}
              placeholder={issuerCodeMask.template}
              inputMode="numeric"
              required
            />
            <Box sx={{ gridColumn: '1 / -1' }}>
              <DocumentTextField {...text('issuer', t('documents.fields.issuer'))} required />
            </Box>
          </>
        );
      case 'driving_licence':
        return (
          <>
            <DocumentTextField
              {...text('number', t('documents.fields.licenceNumber'))}
              mask={licenceMask}
              placeholder={licenceMask.template}
              inputMode="numeric"
              required
              autoFocus={autoFocus}
            />
            {date('issueDate', t('documents.fields.issueDate'))}
            {date('expiryDate', t('documents.fields.expiryDate'))}
          </>
        );
      case 'snils':
        return (
          <>
            <DocumentTextField
              {...text('number', t('documents.fields.snilsNumber'))}
              mask={snilsMask}
              placeholder={snilsMask.template}
              inputMode="numeric"
              required
              autoFocus={autoFocus}
            />
            {date('issueDate', t('documents.fields.issueDate'), false)}
          </>
        );
      case 'oms_policy':
        return (
          <>
            <TextField
              select
              label={t('documents.fields.form')}
              value={values.form}
              onChange={(event) => onChange({ form: event.target.value as OmsForm, number: '', series: '' })}
              helperText=" "
              autoFocus={autoFocus}
            >
              {omsForms.map((form) => (
                <MenuItem key={form} value={form}>
                  {t(`documents.omsForms.${form}`)}
                </MenuItem>
              ))}
            </TextField>
            {values.form === 'unified' && (
              <DocumentTextField
                {...text('number', t('documents.fields.enp'))}
                mask={enpMask}
                placeholder={enpMask.template}
                inputMode="numeric"
                required
              />
            )}
            {values.form === 'temporary' && (
              <DocumentTextField
                {...text('number', t('documents.fields.temporaryNumber'))}
                inputMode="numeric"
                required
                maxLength={20}
              />
            )}
            {values.form === 'old' && (
              <>
                <DocumentTextField {...text('series', t('documents.fields.series'))} maxLength={20} />
                <DocumentTextField
                  {...text('number', t('documents.fields.number'))}
                  inputMode="numeric"
                  required
                  maxLength={24}
                />
              </>
            )}
            <Box sx={{ gridColumn: '1 / -1' }}>
              <InsurerField
                value={values.insurerCode}
                onChange={(code) => onChange({ insurerCode: code }, 'insurerCode')}
                problem={problems.insurerCode}
              />
            </Box>
            {date('issueDate', t('documents.fields.issueDate'))}
            {date('expiryDate', t('documents.fields.expiryDate'), values.form === 'temporary')}
          </>
        );
      case 'other_photo_id':
        return (
          <>
            <Box sx={{ gridColumn: '1 / -1' }}>
              <DocumentTextField
                {...text('title', t('documents.fields.title'))}
                required
                autoFocus={autoFocus}
                maxLength={100}
              />
            </Box>
            <DocumentTextField {...text('series', t('documents.fields.series'))} maxLength={20} />
            <DocumentTextField {...text('number', t('documents.fields.number'))} required maxLength={40} />
            <Box sx={{ gridColumn: '1 / -1' }}>
              <DocumentTextField {...text('issuer', t('documents.fields.issuer'))} required />
            </Box>
            {date('issueDate', t('documents.fields.issueDate'))}
            {date('expiryDate', t('documents.fields.expiryDate'), false)}
            <Box sx={{ gridColumn: '1 / -1' }}>
              {check('hasPhoto', t('documents.fields.hasPhoto'))}
              {check('hasSignature', t('documents.fields.hasSignature'))}
            </Box>
          </>
        );
    }
  })();

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' }, columnGap: 2, rowGap: 1 }}>
      {fields}
      <Box sx={{ gridColumn: '1 / -1' }}>{check('damaged', t('documents.fields.damaged'))}</Box>
    </Box>
  );
}
