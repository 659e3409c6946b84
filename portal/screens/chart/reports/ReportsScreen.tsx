import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback } from 'react';
import { Link as RouterLink } from 'react-router';
import { useClient } from '../../../api/session';
import { useLoaded } from '../../../api/use-loaded';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { Page } from '../../../ui/Page';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { ReportCard } from './ReportCard';

/** «Мои сообщения о неточностях»: every report the patient sent, its status and the clinic's answer. */
export function ReportsScreen() {
  const { t } = useTexts();
  const client = useClient();
  const load = useCallback(() => client.chart.reports(), [client]);
  const { data, problems, setData } = useLoaded(load);
  return (
    <Page title={t('reports.title')} wide>
      <Link component={RouterLink} to="/cabinet/cards" sx={{ alignSelf: 'flex-start' }}>
        {t('reports.toCards')}
      </Link>
      <Typography color="text.secondary">{t('reports.intro')}</Typography>
      <RefusalAlert problems={problems} />
      {data === undefined && problems.length === 0 ? <Busy label={t('reports.loading')} /> : null}
      {data && data.items.length === 0 ? (
        <Alert severity="info" variant="outlined">
          {t('reports.none')}
        </Alert>
      ) : null}
      {data ? (
        <Stack spacing={1.5}>
          {[...data.items]
            .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
            .map((report) => (
              <ReportCard
                key={report.id}
                report={report}
                headingLevel="h2"
                withEntryLink
                onChange={(next) => setData({ items: data.items.map((item) => (item.id === next.id ? next : item)) })}
              />
            ))}
        </Stack>
      ) : null}
    </Page>
  );
}
