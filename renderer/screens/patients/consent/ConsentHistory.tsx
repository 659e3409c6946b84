import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ConsentView } from '../../../../shared/api/consent-calls';
import { useActorNames } from '../../../app/actor-name';
import { formatDateTime } from '../../../format/date-time';
import { SignatureImage } from './SignatureImage';

/** Every consent the patient gave, newest first; a withdrawn one stays with who, when and why. */
export function ConsentHistory({ history }: { history: readonly ConsentView[] }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  if (history.length === 0) return <Typography color="text.secondary">{t('consent.history.empty')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label={t('consent.history.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('consent.history.columns.acceptedAt')}</TableCell>
            <TableCell>{t('consent.history.columns.version')}</TableCell>
            <TableCell>{t('consent.history.columns.method')}</TableCell>
            <TableCell>{t('consent.history.columns.acceptedBy')}</TableCell>
            <TableCell>{t('consent.history.columns.withdrawal')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((consent) => (
            <TableRow key={consent.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(consent.acceptedAt)}</TableCell>
              <TableCell>{consent.textVersion}</TableCell>
              <TableCell>
                {t(`consent.history.method.${consent.method}`)}
                {consent.signatureSha256 && <SignatureImage consent={consent} />}
              </TableCell>
              <TableCell>{actors.byId(consent.acceptedBy, consent.acceptedByName)}</TableCell>
              <TableCell>
                {consent.withdrawnAt
                  ? t('consent.history.withdrawn', {
                      date: formatDateTime(consent.withdrawnAt),
                      by: actors.byId(consent.withdrawnBy ?? '', consent.withdrawnByName),
                      reason: consent.withdrawalReason ?? '',
                    })
                  : t('consent.history.inForce')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
