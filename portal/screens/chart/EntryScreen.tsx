import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { CabinetEntryDetail } from '../../../shared/cabinet/chart-api';
import type { ChartReport } from '../../../shared/chart/chart-views';
import { useClient } from '../../api/session';
import { useLoaded } from '../../api/use-loaded';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { formatDay, formatInstant } from '../../ui/dates';
import { Facts } from '../../ui/Facts';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { entryTitle, entryWhen } from './chart-words';
import { EntryFacts } from './EntryFacts';
import { EntryMarks } from './EntryMarks';
import { EntryVersions } from './EntryVersions';
import { ReportCard } from './reports/ReportCard';
import { ReportForm } from './reports/ReportForm';

/** One entry of «Мои карты»: its content in words, marks, previous versions, the patient's reports on it. */
export function EntryScreen() {
  const { t } = useTexts();
  const { id = '' } = useParams();
  const client = useClient();
  const load = useCallback(() => client.chart.entry(id), [client, id]);
  const { data, problems, setData } = useLoaded(load);
  return (
    <Stack spacing={2} sx={{ width: '100%', maxWidth: 960, mx: 'auto' }}>
      <Button
        component={RouterLink}
        to="/cabinet/cards"
        startIcon={<ArrowBackOutlined />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('entry.back')}
      </Button>
      {/* Another entry opened from this one (a visit's diagnosis) shows once it has loaded, with its own state. */}
      {data && data.entry.id === id ? (
        <EntryDetail key={id} detail={data} onDetail={setData} />
      ) : problems.length > 0 ? (
        <RefusalAlert problems={problems} />
      ) : (
        <Busy label={t('entry.loading')} />
      )}
    </Stack>
  );
}

function EntryDetail({
  detail,
  onDetail,
}: {
  detail: CabinetEntryDetail;
  onDetail: (next: CabinetEntryDetail) => void;
}) {
  const { t, language } = useTexts();
  const { entry, revisions, children, reports } = detail;
  const [reporting, setReporting] = useState(false);
  const [sentDue, setSentDue] = useState<string | null>(null);
  const openReport = reports.some((report) => report.status === 'open');
  // A removal is the newest replaced version's moment (a tombstone keeps the version it replaced).
  const removedAt = entry.deleted
    ? ([...revisions].sort((a, b) => b.revision - a.revision)[0]?.replacedAt ?? null)
    : null;
  const putReport = (report: ChartReport) => {
    const others = reports.filter((item) => item.id !== report.id);
    onDetail({ ...detail, reports: [report, ...others] });
  };
  // A visit's own facts say when and what type it was; another entry says it here.
  const context: { label: string; value: string }[] = [];
  if (entry.kind !== 'encounter') context.push({ label: t('cards.date'), value: entryWhen(entry, language) });
  if (entry.doctor) context.push({ label: t('entry.doctor'), value: entry.doctor.name });
  if (entry.visitType && entry.kind !== 'encounter') {
    context.push({ label: t('entry.visitType'), value: t(`visitTypes.${entry.visitType}`) });
  }
  return (
    <Page title={t('entry.heading', { kind: t(`kinds.${entry.kind}`), date: entryWhen(entry, language) })} wide>
      {entry.kind === 'encounter' || !entry.summary ? null : (
        <Typography sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{entry.summary}</Typography>
      )}
      <EntryMarks entry={entry} />
      {entry.deleted ? (
        <Alert severity="error" variant="outlined">
          {removedAt
            ? t('entry.removed', { date: formatInstant(removedAt, language), reason: entry.deletedReason ?? '—' })
            : t('entry.removedUndated', { reason: entry.deletedReason ?? '—' })}
        </Alert>
      ) : entry.amended && entry.amendedAt ? (
        <Alert severity="info" variant="outlined">
          {t('entry.amended', { date: formatInstant(entry.amendedAt, language), reason: entry.amendReason ?? '—' })}
        </Alert>
      ) : null}
      <Facts facts={context} />
      {/* A removed entry's content is kept back by the clinic: only that it was removed, when and why. */}
      {entry.deleted ? null : <EntryFacts entry={entry} />}
      {entry.encounterId ? (
        <Typography>
          {t('entry.partOf')}:{' '}
          <Link component={RouterLink} to={`/cabinet/cards/${encodeURIComponent(entry.encounterId)}`}>
            {t('entry.openEncounter')}
          </Link>
        </Typography>
      ) : null}
      {children.length > 0 ? (
        <Stack component="section" aria-labelledby="children-title" spacing={1}>
          <Typography id="children-title" variant="h2">
            {t('entry.inEncounter')}
          </Typography>
          <List disablePadding>
            {children.map((child) => (
              <ListItem key={child.id} disablePadding>
                <ListItemButton component={RouterLink} to={`/cabinet/cards/${encodeURIComponent(child.id)}`}>
                  <ListItemText
                    primary={entryTitle(t, child)}
                    secondary={t(`kinds.${child.kind}`)}
                    sx={{
                      overflowWrap: 'anywhere',
                      textDecoration: child.deleted && child.summary ? 'line-through' : undefined,
                    }}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Stack>
      ) : null}
      <EntryVersions kind={entry.kind} revisions={revisions} />
      <Stack component="section" aria-labelledby="entry-reports-title" spacing={1.5}>
        <Typography id="entry-reports-title" variant="h2">
          {t('entry.reports')}
        </Typography>
        {sentDue ? (
          <Alert severity="success" role="status">
            {t('reports.sent', { date: formatDay(sentDue, language) })}
          </Alert>
        ) : null}
        {reports.map((report) => (
          <ReportCard key={report.id} report={report} onChange={putReport} />
        ))}
        {reporting ? (
          <ReportForm
            entryId={entry.id}
            onCancel={() => setReporting(false)}
            onSent={(report) => {
              setReporting(false);
              setSentDue(report.dueOn);
              putReport(report);
            }}
          />
        ) : openReport ? (
          <Typography color="text.secondary">{t('entry.reportOpen')}</Typography>
        ) : (
          <Button variant="outlined" onClick={() => setReporting(true)} sx={{ alignSelf: 'flex-start' }}>
            {t('entry.report')}
          </Button>
        )}
      </Stack>
    </Page>
  );
}
