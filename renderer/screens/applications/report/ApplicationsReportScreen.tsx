import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { splitApiError } from '../../../forms/field-problem';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { FieldList } from '../../../ui/FieldList';
import { Loading } from '../../../ui/Loading';
import { ScreenHeader } from '../../../ui/ScreenHeader';
import { SectionCard } from '../../../ui/SectionCard';
import { PeriodForm } from './PeriodForm';
import { ReportCharts } from './ReportCharts';
import { hoursLabel } from './report-format';
import { isEmptyReport, useApplicationsReport } from './use-applications-report';

/**
 * The applications report (C6) at /applications/report: how long applications take by week,
 * where work waits, overdue ones and decisions by reason, for a period (the last 12 weeks unless
 * chosen), with a CSV for Excel.
 */
export function ApplicationsReportScreen() {
  const { t, i18n } = useTranslation();
  const { period, setPeriod, report, csv } = useApplicationsReport();
  const data = report.status === 'ok' ? report.data : report.status === 'loading' ? report.previous : null;
  const refused = report.status === 'failed' ? splitApiError(report.error, ['from', 'to'] as const) : null;

  return (
    <>
      <ScreenHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        action={
          <Button variant="outlined" disabled={csv.busy || data === null} onClick={() => void csv.run(period)}>
            {t('reports.csv')}
          </Button>
        }
      />
      {csv.error && <ApiErrorAlert title={t('reports.csvFailed')} problems={csv.problems.general} />}
      <PeriodForm shown={data} refused={refused?.byField ?? {}} onShow={setPeriod} />
      {refused && refused.general.length > 0 && (
        <ApiErrorAlert title={t('reports.failed')} problems={refused.general} />
      )}
      {report.status === 'loading' && data === null && <Loading />}
      {data && (
        <>
          <Typography role="status" color="text.secondary" sx={{ mb: 2 }}>
            {t('reports.period.caption', { from: formatRussianDate(data.from), to: formatRussianDate(data.to) })}
          </Typography>
          {isEmptyReport(data) ? (
            <EmptyState title={t('reports.empty')} hint={t('reports.emptyHint')} />
          ) : (
            <>
              <SectionCard title={t('reports.totals.title')}>
                <FieldList
                  items={[
                    { label: t('reports.totals.submitted'), value: String(data.totals.submitted) },
                    { label: t('reports.totals.decided'), value: String(data.totals.decided) },
                    { label: t('reports.totals.activated'), value: String(data.totals.activated) },
                    { label: t('reports.totals.overdue'), value: String(data.totals.overdue) },
                    {
                      label: t('reports.totals.median'),
                      value: hoursLabel(t, i18n.language, data.totals.processing.medianHours),
                    },
                    {
                      label: t('reports.totals.p90'),
                      value: hoursLabel(t, i18n.language, data.totals.processing.p90Hours),
                    },
                  ]}
                />
              </SectionCard>
              <ReportCharts report={data} />
            </>
          )}
        </>
      )}
    </>
  );
}
