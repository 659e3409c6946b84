import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatRussianDate, isoDay } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { displayPhone, displaySnils } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';
import { useConsentRevision } from '../consent/consent-events';
import { ConsentStateChip } from '../consent/ConsentStateChip';
import { currentPolicy, documentWarnings } from './header-warnings';

const identityColor = {
  none: 'warning',
  confirmed_online: 'success',
  locked: 'error',
  verified_in_person: 'success',
} as const;
const policyColor = { unchecked: 'warning', confirmed: 'success', rejected: 'error' } as const;

/**
 * Who this is at a glance (UX.md): name, age and birth date, SNILS, the OMS policy's status, the
 * identity's verification, and warnings (identity not verified, no consent, an expired or
 * overdue document). Each status comes from its own call (documents.list, consents.state,
 * verification.get); while one loads or fails, its chip is simply not shown.
 */
export function PatientHeader({ patient, action }: { patient: Patient; action?: ReactNode }) {
  const { t } = useTranslation();
  const key = `${patient.id}:${patient.version}`;
  const documents = useApiQuery(`header-documents:${key}`, (api) => api.documents.list({ patientId: patient.id }));
  // Asked again when the consent tab accepts or withdraws a consent.
  const consentRevision = useConsentRevision(patient.id);
  const consent = useApiQuery(`header-consent:${key}:${consentRevision}`, (api) =>
    api.consents.state({ patientId: patient.id }),
  );
  const identity = useApiQuery(`header-identity:${key}`, (api) => api.verification.get({ patientId: patient.id }));

  const age = ageOn(patient.birthDate, isoDay(new Date()));
  const facts = [
    { label: t('patients.fields.snils'), value: patient.snils ? displaySnils(patient.snils) : t('common.notGiven') },
    { label: t('patients.fields.phone'), value: patient.phone ? displayPhone(patient.phone) : t('common.notGiven') },
  ];
  const policy = documents.status === 'ok' ? currentPolicy(documents.data.items) : null;
  const warnings = documents.status === 'ok' ? documentWarnings(documents.data.items) : { expired: [], overdue: [] };

  return (
    <Box component="header" sx={{ mb: 3 }}>
      <Box
        sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}
      >
        <Typography variant="h1">{fullName(patient)}</Typography>
        {action}
      </Box>
      <Typography color="text.secondary" sx={{ mt: 0.5, fontSize: '1.125rem' }}>
        {[
          t(`sex.${patient.sex}`),
          t('patients.card.age', { count: age }),
          t('patients.card.born', { date: formatRussianDate(patient.birthDate) }),
        ].join(' · ')}
      </Typography>
      <Box
        component="ul"
        aria-label={t('patients.header.statusLabel')}
        sx={{ display: 'flex', gap: 1, mt: 1.5, flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}
      >
        {facts.map((fact) => (
          <li key={fact.label}>
            <Chip variant="outlined" label={`${fact.label}: ${fact.value}`} />
          </li>
        ))}
        {documents.status === 'ok' && (
          <li>
            {policy?.policyStatus ? (
              <Chip
                variant="outlined"
                color={policyColor[policy.policyStatus]}
                label={[
                  t(`documents.policyStatuses.${policy.policyStatus}`),
                  policy.policyReason ? t(`documents.policyReasons.${policy.policyReason}`) : null,
                ]
                  .filter(Boolean)
                  .join(': ')}
              />
            ) : (
              <Chip variant="outlined" color="warning" label={t('patients.header.noPolicy')} />
            )}
          </li>
        )}
        {identity.status === 'ok' && (
          <li>
            <Chip
              variant={identity.data.status === 'none' ? 'outlined' : 'filled'}
              color={identityColor[identity.data.status]}
              label={
                identity.data.status === 'none'
                  ? t('patients.header.identityUnverified')
                  : t(`verification.status.${identity.data.status}`)
              }
            />
          </li>
        )}
        {consent.status === 'ok' && !consent.data.valid && (
          <li>
            <ConsentStateChip reason={consent.data.reason} />
          </li>
        )}
        {warnings.expired.map((document) => (
          <li key={`expired-${document.id}`}>
            <Chip
              color="error"
              label={t('patients.header.expired', {
                document: t(`documents.types.${document.type}`),
                date: document.validUntil ? formatRussianDate(document.validUntil) : '',
              })}
            />
          </li>
        ))}
        {warnings.overdue.map((document) => (
          <li key={`overdue-${document.id}`}>
            <Chip
              color="error"
              label={t('patients.header.overdue', {
                document: t(`documents.types.${document.type}`),
                date: document.updateDue ? formatRussianDate(document.updateDue) : '',
              })}
            />
          </li>
        ))}
      </Box>
    </Box>
  );
}
