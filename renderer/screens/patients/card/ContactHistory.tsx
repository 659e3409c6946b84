import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ContactChange } from '../../../../shared/api/patient-calls';
import { useActorNames } from '../../../app/actor-name';
import { useApiQuery } from '../../../api/use-api-query';
import { formatDateTime } from '../../../format/date-time';
import { displayPhone } from '../../../format/identifiers';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Loading } from '../../../ui/Loading';

function shownValue(change: ContactChange, value: string | null): string | null {
  if (value === null) return null;
  return change.field === 'phone' ? displayPhone(value) : value;
}

/** The card's contact changes (B1), newest first: what was there before, what replaced it, who and when. */
export function ContactHistory({ patientId, revision }: { patientId: string; revision: number }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const history = useApiQuery(`contact-history:${patientId}:${revision}`, (api) =>
    api.patients.contactHistory({ id: patientId }),
  );
  if (history.status === 'failed')
    return <ApiErrorAlert title={t('contacts.history.failed')} problems={[history.error]} />;
  if (history.status !== 'ok') return <Loading space={2} />;
  const none = (value: string | null) =>
    value ?? (
      <Typography component="span" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {t('contacts.history.none')}
      </Typography>
    );
  return (
    <>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('contacts.history.title')}
      </Typography>
      {history.data.items.length === 0 ? (
        <Typography color="text.secondary">
          {t('contacts.history.empty')}. {t('contacts.history.emptyHint')}
        </Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('contacts.history.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('contacts.history.at')}</TableCell>
                <TableCell>{t('contacts.history.field')}</TableCell>
                <TableCell>{t('contacts.history.old')}</TableCell>
                <TableCell>{t('contacts.history.new')}</TableCell>
                <TableCell>{t('contacts.history.by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.data.items.map((change) => (
                <TableRow key={change.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(change.changedAt)}</TableCell>
                  <TableCell>{t(`contacts.${change.field}`)}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{none(shownValue(change, change.oldValue))}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{none(shownValue(change, change.newValue))}</TableCell>
                  <TableCell>{change.changedBy ? actors.byId(change.changedBy, change.changedByName) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
