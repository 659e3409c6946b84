import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { CabinetRecordFile, CabinetRecordRequest } from '../../../shared/cabinet/record-requests-api';
import { useClient } from '../../api/session';
import { useTexts } from '../../i18n/use-texts';
import { formatDay, formatInstant } from '../../ui/dates';
import { Facts } from '../../ui/Facts';
import { fileSize } from '../chart/labs/file-size';

const statusColour = { open: 'default', in_work: 'info', done: 'success' } as const;

/**
 * One request as the patient follows it: its number and status, the deadline (and «просрочен» in
 * words and an icon, not colour alone), what was asked, and — once done — the files to download
 * with the last day they may be.
 */
export function RequestCard({
  request,
  files,
}: {
  request: CabinetRecordRequest;
  files: readonly CabinetRecordFile[];
}) {
  const { t, language } = useTexts();
  const headingId = `request-${request.id}`;
  const { from, to } = request.materials;
  const period =
    from && to
      ? t('recordRequests.period', { from: formatDay(from, language), to: formatDay(to, language) })
      : from
        ? t('recordRequests.periodFrom', { from: formatDay(from, language) })
        : to
          ? t('recordRequests.periodTo', { to: formatDay(to, language) })
          : null;
  const asked = request.materials.sections.map((section) => t(`recordRequests.materials.${section}`)).join(', ');
  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography id={headingId} variant="h3" component="h2">
              {t('recordRequests.heading', { number: request.number })}
            </Typography>
            <Chip
              size="small"
              color={statusColour[request.status]}
              label={t(`recordRequests.statuses.${request.status}`)}
            />
            {request.overdue ? (
              <Chip size="small" color="warning" icon={<WarningAmberOutlined />} label={t('recordRequests.overdue')} />
            ) : null}
          </Stack>
          {request.forPerson ? (
            <Typography color="text.secondary">{t('recordRequests.forPerson', { name: request.forPerson })}</Typography>
          ) : null}
          <Facts
            facts={[
              { label: t('recordRequests.submittedLabel'), value: formatInstant(request.submittedAt, language) },
              { label: t('recordRequests.dueLabel'), value: formatDay(request.dueOn, language) },
              { label: t('recordRequests.whatAsked'), value: period ? `${asked} ${period}` : asked },
              {
                label: t('recordRequests.formatsAsked'),
                value: request.formats.map((format) => t(`recordRequests.formatShort.${format}`)).join(', '),
              },
              { label: t('recordRequests.purposeLabel'), value: request.purpose },
            ]}
          />
          {request.overdue ? (
            <Alert severity="warning" variant="outlined">
              {t('recordRequests.overdueNote')}
            </Alert>
          ) : null}
          {request.formats.includes('paper') ? (
            <Typography variant="body2">
              {request.paperHandedAt
                ? t('recordRequests.paperHanded', { date: formatInstant(request.paperHandedAt, language) })
                : t('recordRequests.paperWaiting')}
            </Typography>
          ) : null}
          <RequestFiles request={request} files={files} />
        </Stack>
      </CardContent>
    </Card>
  );
}

function RequestFiles({ request, files }: { request: CabinetRecordRequest; files: readonly CabinetRecordFile[] }) {
  const { t, language } = useTexts();
  const client = useClient();
  if (request.status !== 'done' || request.availableUntil === null) return null;
  const until = formatInstant(request.availableUntil, language);
  if (request.expired) {
    return (
      <Alert severity="info" variant="outlined">
        {t('recordRequests.expired', { date: until })}
      </Alert>
    );
  }
  if (files.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-label={t('recordRequests.files')}>
      <Typography variant="body1" component="h3" sx={{ fontWeight: 600 }}>
        {t('recordRequests.files')}
      </Typography>
      <Typography variant="body2">{t('recordRequests.availableUntil', { date: until })}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap' }}>
        {files.map((file) => (
          <Button
            key={file.id}
            variant="outlined"
            startIcon={<DownloadOutlined />}
            href={client.recordRequests.fileUrl(request.id, file.id)}
            download={file.fileName}
          >
            {t('recordRequests.download', { format: t(`recordRequests.formatShort.${file.format}`) })} (
            {fileSize(file.size, t, language)})
          </Button>
        ))}
      </Stack>
      {files.some((file) => file.withheld) ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordRequests.withheld')}
        </Typography>
      ) : null}
    </Stack>
  );
}
