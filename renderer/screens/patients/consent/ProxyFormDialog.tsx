import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatRussianDate, isoDay } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import {
  lastDayBeforeAgeOfConsent,
  medicalAgeOfConsent,
  proxyBases,
  proxyRelationships,
  recordSections,
} from '../../../../shared/domain/proxies';
import { useApiMutation } from '../../../api/use-api-mutation';
import { FieldMessage } from '../../../forms/FieldMessage';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { dateMask, phoneMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { DocumentTextField } from '../documents/DocumentTextField';
import {
  emptyProxyForm,
  proxyFormFields,
  toProxyInput,
  type ProxyFormField,
  type ProxyFormValues,
} from './proxy-form-model';

type TextField = Exclude<ProxyFormField, 'relationship' | 'basis' | 'scope'>;

/** Adds a trusted person (B9); a parent's authority shows where it ends: the eve of the patient's 15th birthday. */
export function ProxyFormDialog({ patient, onClose, onSaved }: { patient: Patient; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const today = isoDay(new Date());
  const [values, setValues] = useState<ProxyFormValues>(() => emptyProxyForm(formatRussianDate(today)));
  const mutation = useApiMutation((api, input: ProxyFormValues) => api.proxies.add(toProxyInput(patient.id, input)), {
    fields: proxyFormFields,
    onSuccess: () => onSaved(),
  });
  const problems = mutation.problems.byField;
  const general = mutation.problems.general;

  const change = (patch: Partial<ProxyFormValues>, field: ProxyFormField) => {
    setValues((prior) => ({ ...prior, ...patch }));
    mutation.clearField(field);
  };
  const text = (field: TextField, label: string, required = false) => ({
    label,
    required,
    value: values[field],
    onChange: (value: string) => change({ [field]: value }, field),
    problem: problems[field],
  });
  const date = (field: TextField, label: string, required = false) => (
    <DocumentTextField
      {...text(field, label, required)}
      mask={dateMask}
      placeholder={t('proxies.form.datePlaceholder')}
      inputMode="numeric"
    />
  );

  function save(event?: FormEvent) {
    event?.preventDefault();
    void mutation.run(values);
  }

  const parent = values.basis === 'parent_of_minor';
  const attorney = values.basis === 'power_of_attorney';
  const patientOfAge = ageOn(patient.birthDate, today) >= medicalAgeOfConsent;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <Box component="form" noValidate onSubmit={save} onKeyDown={(event) => handleFormKeys(event, save)}>
        <DialogTitle id={titleId}>{t('proxies.form.title')}</DialogTitle>
        <DialogContent>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' },
              columnGap: 2,
              alignItems: 'start',
              mt: 1,
            }}
          >
            <DocumentTextField {...text('surname', t('proxies.form.surname'), true)} autoFocus />
            <DocumentTextField {...text('name', t('proxies.form.name'), true)} />
            <DocumentTextField {...text('patronymic', t('proxies.form.patronymic'))} />
            {date('birthDate', t('proxies.form.birthDate'), true)}
            <DocumentTextField
              {...text('phone', t('proxies.form.phone'))}
              mask={phoneMask}
              placeholder={phoneMask.template}
              inputMode="numeric"
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={values.foreign}
                  onChange={(event) => {
                    // The alphabet of all three names depends on it: their old verdicts no longer hold.
                    setValues((prior) => ({ ...prior, foreign: event.target.checked }));
                    mutation.clearField('surname', 'name', 'patronymic');
                  }}
                />
              }
              label={t('proxies.form.foreign')}
            />
            <TextField
              select
              label={t('proxies.form.relationship')}
              value={values.relationship}
              onChange={(event) =>
                change({ relationship: event.target.value as ProxyFormValues['relationship'] }, 'relationship')
              }
              error={problems.relationship !== undefined}
              helperText={problems.relationship ? <FieldMessage problem={problems.relationship} /> : ' '}
            >
              {proxyRelationships.map((relationship) => (
                <MenuItem key={relationship} value={relationship}>
                  {t(`proxies.relationships.${relationship}`)}
                </MenuItem>
              ))}
            </TextField>
            <Box sx={{ gridColumn: { sm: 'span 2' } }}>
              <TextField
                select
                fullWidth
                label={t('proxies.form.basis')}
                value={values.basis}
                onChange={(event) => change({ basis: event.target.value as ProxyFormValues['basis'] }, 'basis')}
                error={problems.basis !== undefined}
                helperText={problems.basis ? <FieldMessage problem={problems.basis} /> : ' '}
              >
                {proxyBases.map((basis) => (
                  <MenuItem key={basis} value={basis}>
                    {t(`proxies.bases.${basis}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          </Box>
          {parent && (
            <Alert severity={patientOfAge ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {patientOfAge
                ? t('proxies.form.ageOver')
                : t('proxies.form.ageNote', { date: formatRussianDate(lastDayBeforeAgeOfConsent(patient.birthDate)) })}
            </Alert>
          )}
          {!parent && (
            <>
              <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
                {attorney ? t('proxies.form.document') : t('proxies.form.guardianDocument')}
              </Typography>
              <Box
                sx={{
                  display: 'grid',
                  gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' },
                  columnGap: 2,
                  alignItems: 'start',
                }}
              >
                <DocumentTextField
                  {...text(
                    'documentNumber',
                    attorney ? t('proxies.form.documentNumber') : t('proxies.form.guardianNumber'),
                    attorney,
                  )}
                />
                {date(
                  'documentIssuedOn',
                  attorney ? t('proxies.form.documentIssuedOn') : t('proxies.form.guardianIssuedOn'),
                  attorney,
                )}
                {attorney ? date('documentExpiresOn', t('proxies.form.documentExpiresOn'), true) : <Box />}
                <Box sx={{ gridColumn: '1 / -1' }}>
                  <DocumentTextField
                    {...text(
                      'documentIssuer',
                      attorney ? t('proxies.form.documentIssuer') : t('proxies.form.guardianIssuer'),
                      attorney,
                    )}
                  />
                </Box>
              </Box>
            </>
          )}
          <FormControl component="fieldset" error={problems.scope !== undefined} sx={{ mb: 2 }}>
            <FormLabel component="legend" required>
              {t('proxies.form.scope')}
            </FormLabel>
            <FormGroup row>
              {recordSections.map((section) => (
                <FormControlLabel
                  key={section}
                  label={t(`proxies.sections.${section}`)}
                  control={
                    <Checkbox
                      checked={values.scope.includes(section)}
                      onChange={(event) =>
                        change(
                          {
                            scope: event.target.checked
                              ? recordSections.filter((s) => s === section || values.scope.includes(s))
                              : values.scope.filter((s) => s !== section),
                          },
                          'scope',
                        )
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
            {problems.scope && (
              <FormHelperText>
                <FieldMessage problem={problems.scope} />
              </FormHelperText>
            )}
          </FormControl>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
            {t('proxies.form.period')}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' },
              columnGap: 2,
              alignItems: 'start',
            }}
          >
            {date('startsOn', t('proxies.form.startsOn'), true)}
            {date('endsOn', t('proxies.form.endsOn'))}
            <Typography variant="body2" color="text.secondary" sx={{ pt: 2 }}>
              {t('proxies.form.endsOnHint')}
            </Typography>
          </Box>
          {general.length > 0 && <ApiErrorAlert title={t('proxies.form.failed')} problems={general} />}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('proxies.form.keyboardHint')}
          </Typography>
        </DialogContent>
        <DialogFormActions
          onCancel={onClose}
          busy={mutation.busy}
          submitLabel={mutation.busy ? t('proxies.form.saving') : t('proxies.form.save')}
        />
      </Box>
    </Dialog>
  );
}
