import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { AccessLogLine } from '../../../shared/rights/access-log';
import { useTexts } from '../../i18n/use-texts';
import { formatInstant } from '../../ui/dates';
import { lineRole, lineWhat } from './access-line-words';

function EmergencyFlag() {
  const { t } = useTexts();
  return (
    <Chip
      icon={<WarningAmberOutlined />}
      label={t('accessLog.emergency')}
      color="error"
      variant="outlined"
      size="small"
      sx={{ alignSelf: 'flex-start' }}
    />
  );
}

function useWhen() {
  const { language } = useTexts();
  return (line: AccessLogLine) =>
    line.from === line.to
      ? formatInstant(line.to, language)
      : `${formatInstant(line.from, language)} — ${formatInstant(line.to, language)}`;
}

/** The log's lines: a table on a wide screen, a list of cards on a phone; emergency lines flagged in words. */
export function AccessLogLines({ lines }: { lines: readonly AccessLogLine[] }) {
  const { t } = useTexts();
  const when = useWhen();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  // The server's own steps (an overdue request escalated) are the clinic's, not a person's.
  const who = (line: AccessLogLine) =>
    line.own ? t('accessLog.cabinet') : line.actorRole === 'server' ? t('accessLog.roles.server') : line.actorName;
  if (phone) {
    return (
      <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('accessLog.title')}>
        {lines.map((line) => (
          <Box component="li" key={line.id}>
            <Card variant="outlined">
              <CardContent>
                <Stack spacing={0.5}>
                  {line.emergency ? <EmergencyFlag /> : null}
                  <Typography variant="body2" color="text.secondary">
                    {when(line)}
                  </Typography>
                  <Typography sx={{ fontWeight: 600 }}>{lineWhat(t, line)}</Typography>
                  <Typography>
                    {who(line)} · {lineRole(t, line.actorRole)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {line.deviceName}
                  </Typography>
                </Stack>
              </CardContent>
            </Card>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Table aria-label={t('accessLog.title')} size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('accessLog.columns.when')}</TableCell>
          <TableCell>{t('accessLog.columns.who')}</TableCell>
          <TableCell>{t('accessLog.columns.where')}</TableCell>
          <TableCell>{t('accessLog.columns.what')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(line)}</TableCell>
            <TableCell>
              {who(line)}
              <Typography variant="body2" color="text.secondary">
                {lineRole(t, line.actorRole)}
              </Typography>
            </TableCell>
            <TableCell>{line.deviceName}</TableCell>
            <TableCell>
              <Stack spacing={0.5}>
                {line.emergency ? <EmergencyFlag /> : null}
                <span>{lineWhat(t, line)}</span>
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
