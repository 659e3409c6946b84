import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { useApiMutation } from '../api/use-api-mutation';
import { useApiQuery } from '../api/use-api-query';
import { formatDateTime } from '../format/date-time';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { visuallyHidden } from '../ui/visually-hidden';
import { KeyEnrolment, type EnrolledKey } from './KeyEnrolment';
import { YubikeyOtpEnrolment } from './YubikeyOtpEnrolment';

type KeySummary = CallOutput<'account.keys'>['items'][number];

/**
 * A person's keys: which they have, revoking one (lost, broken), enrolling another with the key
 * at the desk. The person does it for themselves; an admin for anyone.
 */
export function KeysManager({
  staffId,
  onChanged,
  tableLabel,
}: {
  staffId: string;
  onChanged?: (enrolled: EnrolledKey | null) => void;
  tableLabel: string;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const keys = useApiQuery(`keys:${staffId}:${version}`, (client) => client.account.keys({ staffId }));
  const [confirming, setConfirming] = useState<string | null>(null);
  const revocation = useApiMutation((api, keyId: string) => api.account.revokeKey({ keyId }), {
    onSuccess: () => {
      setVersion((value) => value + 1);
      onChanged?.(null);
    },
  });
  const error = revocation.error;
  const [enrolling, setEnrolling] = useState<'fido2' | 'yubikey-otp' | null>(null);

  async function revoke(key: KeySummary) {
    await revocation.run(key.id);
    setConfirming(null);
  }

  const items = keys.status === 'ok' ? keys.data.items : keys.status === 'loading' ? null : [];
  return (
    <Box>
      {keys.status === 'failed' && <ApiErrorAlert title={t('keys.loadFailed')} problems={[keys.error]} />}
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('keys.revokeFailed')} problems={[error]} />
        </Box>
      )}
      {items && items.length === 0 && <Typography sx={{ mb: 2 }}>{t('keys.none')}</Typography>}
      {items && items.length > 0 && (
        <Table size="small" aria-label={tableLabel} sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('keys.columns.name')}</TableCell>
              <TableCell>{t('keys.columns.kind')}</TableCell>
              <TableCell>{t('keys.columns.createdAt')}</TableCell>
              <TableCell>{t('keys.columns.lastUsedAt')}</TableCell>
              <TableCell>{t('keys.columns.state')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('keys.columns.actions')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((key) => (
              <TableRow key={key.id} sx={{ opacity: key.revokedAt ? 0.7 : 1 }}>
                <TableCell>{key.name}</TableCell>
                <TableCell>{t(`keys.kind.${key.kind}`)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(key.createdAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('keys.neverUsed')}
                </TableCell>
                <TableCell>
                  {key.revokedAt ? t('keys.revokedAt', { time: formatDateTime(key.revokedAt) }) : t('keys.active')}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {!key.revokedAt && confirming !== key.id && (
                    <Button size="small" color="error" onClick={() => setConfirming(key.id)}>
                      {t('keys.revoke', { name: key.name })}
                    </Button>
                  )}
                  {confirming === key.id && (
                    <>
                      <Button size="small" color="error" variant="contained" autoFocus onClick={() => void revoke(key)}>
                        {t('keys.confirmRevoke', { name: key.name })}
                      </Button>
                      <Button size="small" onClick={() => setConfirming(null)} sx={{ ml: 1 }}>
                        {t('common.cancel')}
                      </Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {enrolling === 'yubikey-otp' && (
        <YubikeyOtpEnrolment
          staffId={staffId}
          onEnrolled={() => {
            setEnrolling(null);
            setVersion((value) => value + 1);
            onChanged?.(null);
          }}
        />
      )}
      {enrolling === 'fido2' && (
        <Box sx={{ maxWidth: 480 }}>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('keys.enrolHint')}
          </Typography>
          <KeyEnrolment
            staffId={staffId}
            autoFocus
            onEnrolled={(enrolled) => {
              setEnrolling(null);
              setVersion((value) => value + 1);
              onChanged?.(enrolled);
            }}
          />
        </Box>
      )}
      {enrolling === null ? (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Button variant="outlined" onClick={() => setEnrolling('fido2')}>
            {t('keys.add')}
          </Button>
          <Button variant="text" onClick={() => setEnrolling('yubikey-otp')}>
            {t('keys.addYubikeyOtp')}
          </Button>
        </Box>
      ) : (
        <Button variant="text" color="inherit" onClick={() => setEnrolling(null)} sx={{ mt: 1 }}>
          {t('common.cancel')}
        </Button>
      )}
    </Box>
  );
}
