import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../../shared/errors/catalog';
import type { AccessLogLine } from '../../../../shared/rights/access-log';
import { useActorNames } from '../../../app/actor-name';
import { FieldMessage } from '../../../forms/FieldMessage';
import { formatDateTime } from '../../../format/date-time';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Loading';
import { accessLineLabel, roleLabel } from './access-log-labels';
import { useAccessLog, type AccessLogToggles } from './use-access-log';

function When({ line }: { line: AccessLogLine }) {
  return line.from === line.to ? (
    <>{formatDateTime(line.to)}</>
  ) : (
    <>
      {formatDateTime(line.from)} — {formatDateTime(line.to)}
    </>
  );
}

/**
 * «Журнал доступа» (F2): who opened and changed this card, clinic-wide, grouped by visit, newest
 * first — the same log the patient sees in the cabinet; this desk's own when the server cannot be
 * asked, with a notice. Emergency access is flagged with an icon and words.
 */
export function AccessLogTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const [toggles, setToggles] = useState<AccessLogToggles>({ showOwn: false, showListed: false });
  const { log, error, busy, loadMore } = useAccessLog(patientId, toggles);

  const toggle = (name: keyof AccessLogToggles) => (
    <FormControlLabel
      control={
        <Switch
          checked={toggles[name]}
          onChange={(event) => setToggles({ ...toggles, [name]: event.target.checked })}
        />
      }
      label={t(`patients.card.accessLog.${name}`)}
    />
  );

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        {toggle('showOwn')}
        {toggle('showListed')}
      </Box>
      {log?.note && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <FieldMessage problem={{ code: log.note, message: localize(log.note) }} />
        </Alert>
      )}
      {error && <ApiErrorAlert title={t('patients.card.accessLog.failed')} problems={[error]} />}
      {!log && !error && <Loading />}
      {log && log.lines.length === 0 && (
        <EmptyState
          title={t('patients.card.accessLog.title')}
          hint={t('patients.card.accessLog.empty')}
          headingLevel="h3"
        />
      )}
      {log && log.lines.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={t('patients.card.accessLog.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('patients.card.accessLog.columns.at')}</TableCell>
                <TableCell>{t('patients.card.accessLog.columns.action')}</TableCell>
                <TableCell>{t('patients.card.accessLog.columns.actor')}</TableCell>
                <TableCell>{t('patients.card.accessLog.columns.role')}</TableCell>
                <TableCell>{t('patients.card.accessLog.columns.device')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {log.lines.map((line) => (
                <TableRow key={line.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <When line={line} />
                  </TableCell>
                  <TableCell>
                    {line.emergency && (
                      <Chip
                        icon={<WarningAmberOutlined />}
                        label={t('patients.card.accessLog.emergency')}
                        color="error"
                        size="small"
                        variant="outlined"
                        sx={{ mr: 1, mb: 0.5 }}
                      />
                    )}
                    {accessLineLabel(t, line)}
                  </TableCell>
                  <TableCell>{line.own ? line.actorName : actors.byName(line.actorName)}</TableCell>
                  <TableCell>{roleLabel(t, line.actorRole)}</TableCell>
                  <TableCell>{line.deviceName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {log && (log.hidden.own > 0 || log.hidden.listed > 0) && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {[
            log.hidden.own > 0 ? t('patients.card.accessLog.hiddenOwn', { count: log.hidden.own }) : null,
            log.hidden.listed > 0 ? t('patients.card.accessLog.hiddenListed', { count: log.hidden.listed }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      )}
      {log && log.cursor !== null && (
        <Button sx={{ mt: 2 }} onClick={() => void loadMore()} disabled={busy}>
          {t('patients.card.accessLog.more')}
        </Button>
      )}
    </Box>
  );
}
