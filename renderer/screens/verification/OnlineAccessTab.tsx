import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnlineIdentityView } from '../../../shared/api/verification-calls';
import type { Patient } from '../../../shared/domain/patient';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { useActorNames } from '../../app/actor-name';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { FieldList, type FieldListItem } from '../../ui/FieldList';
import { ScanGallery } from '../patients/scans/ScanGallery';
import { statusColor } from './status-color';
import { VerifyIdentityDialog } from './VerifyIdentityDialog';
import { Loading } from '../../ui/Loading';

/**
 * The card's "Online access" tab (B6): the patient's online identity state, failures and lock,
 * and who verified them in person, when, with which documents and scans. A locked patient can be
 * verified right here by a clerk.
 */
export function OnlineAccessTab({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const actors = useActorNames();
  const [reload, setReload] = useState(0);
  const [verifying, setVerifying] = useState(false);
  const state = useApiQuery(`online-identity:${patient.id}:${reload}`, (api) =>
    api.verification.get({ patientId: patient.id }),
  );

  if (state.status === 'failed')
    return <ApiErrorAlert title={t('verification.tab.loadFailed')} problems={[state.error]} />;
  if (state.status !== 'ok') {
    return <Loading />;
  }
  const identity: OnlineIdentityView = state.data;
  const when = (value: string | null): FieldListItem['value'] => (value ? formatDateTime(value) : t('common.notGiven'));
  const items: FieldListItem[] = [
    { label: t('verification.tab.failedAttempts'), value: String(identity.failedAttempts) },
    { label: t('verification.tab.lockedAt'), value: when(identity.lockedAt), missing: identity.lockedAt === null },
  ];
  if (identity.verifiedAt !== null) {
    items.push(
      { label: t('verification.tab.verifiedAt'), value: formatDateTime(identity.verifiedAt) },
      {
        label: t('verification.tab.verifiedBy'),
        value: identity.verifiedBy ? actors.byId(identity.verifiedBy.id, identity.verifiedBy.name) : '—',
      },
      {
        label: t('verification.tab.documentsSeen'),
        value: identity.documentsSeen
          .map((document) => `${t(`documents.types.${document.type}`)} ${document.number}`)
          .join('; '),
      },
    );
    if (identity.note) items.push({ label: t('verification.tab.note'), value: identity.note });
  }

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h3">
          {t('verification.tab.title')}
        </Typography>
        <Chip label={t(`verification.status.${identity.status}`)} color={statusColor[identity.status]} />
      </Box>
      {identity.status === 'locked' && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            can('patients.write') && identity.id !== null ? (
              <Button color="inherit" variant="outlined" onClick={() => setVerifying(true)}>
                {t('verification.verify')}
              </Button>
            ) : undefined
          }
        >
          {t('verification.tab.lockedHint')}
        </Alert>
      )}
      {identity.status === 'none' && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('verification.tab.noneHint')}
        </Typography>
      )}
      <FieldList items={items} />
      {identity.id !== null && identity.scanIds.length > 0 && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h3" component="h4" gutterBottom>
            {t('verification.tab.scans')}
          </Typography>
          <ScanGallery patientId={patient.id} attachedTo={identity.id} refreshKey={reload} />
        </Box>
      )}
      {verifying && identity.id !== null && (
        <VerifyIdentityDialog
          patient={patient}
          identityId={identity.id}
          onClose={() => setVerifying(false)}
          onVerified={() => {
            setVerifying(false);
            setReload((count) => count + 1);
          }}
        />
      )}
    </>
  );
}
