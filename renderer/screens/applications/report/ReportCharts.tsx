import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { ApplicationsReport } from '../../../../shared/api/report-calls';
import { ChartWithTable } from './ChartWithTable';
import { hoursLabel, weekLabel } from './report-format';

const chartHeight = 280;

/**
 * The four charts of the report (C6), each with its table for screen readers. The charts are
 * pictures only (no keyboard stops inside a part hidden from screen readers): the tables carry
 * the same figures to the keyboard and the screen reader.
 */
export function ReportCharts({ report }: { report: ApplicationsReport }) {
  const { t, i18n } = useTranslation();
  const hours = (value: number | null) => hoursLabel(t, i18n.language, value);
  const weeks = report.weeks.map(weekLabel);
  const stageNames = report.stages.map((stage) => t(`reports.stages.names.${stage.stage}`));
  const decisionNames = report.decisions.map((entry) => t(`reports.decisions.names.${entry.decision}`));
  return (
    <>
      <ChartWithTable
        title={t('reports.processing.title')}
        hint={t('reports.processing.hint')}
        table={{
          columns: [
            t('reports.processing.week'),
            t('reports.processing.decided'),
            t('reports.processing.median'),
            t('reports.processing.p90'),
          ],
          rows: report.weeks.map((week, index) => ({
            key: week.week,
            cells: [weeks[index]!, String(week.count), hours(week.medianHours), hours(week.p90Hours)],
          })),
        }}
      >
        <LineChart
          height={chartHeight}
          skipAnimation
          disableKeyboardNavigation
          xAxis={[{ scaleType: 'point', data: weeks }]}
          series={[
            // Straight lines between weeks: a smoothed curve would draw values no week had.
            {
              data: report.weeks.map((week) => week.medianHours),
              label: t('reports.processing.median'),
              curve: 'linear',
            },
            { data: report.weeks.map((week) => week.p90Hours), label: t('reports.processing.p90'), curve: 'linear' },
          ]}
        />
      </ChartWithTable>
      <ChartWithTable
        title={t('reports.stages.title')}
        hint={t('reports.stages.hint')}
        table={{
          columns: [
            t('reports.stages.stage'),
            t('reports.stages.count'),
            t('reports.processing.median'),
            t('reports.processing.p90'),
          ],
          rows: report.stages.map((stage, index) => ({
            key: stage.stage,
            cells: [stageNames[index]!, String(stage.count), hours(stage.medianHours), hours(stage.p90Hours)],
          })),
        }}
      >
        <BarChart
          height={chartHeight}
          skipAnimation
          disableKeyboardNavigation
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: stageNames, width: 220 }]}
          series={[
            { data: report.stages.map((stage) => stage.medianHours), label: t('reports.processing.median') },
            { data: report.stages.map((stage) => stage.p90Hours), label: t('reports.processing.p90') },
          ]}
        />
      </ChartWithTable>
      <ChartWithTable
        title={t('reports.overdue.title')}
        table={{
          columns: [t('reports.processing.week'), t('reports.overdue.count')],
          rows: report.weeks.map((week, index) => ({ key: week.week, cells: [weeks[index]!, String(week.overdue)] })),
        }}
      >
        <BarChart
          height={chartHeight}
          skipAnimation
          disableKeyboardNavigation
          xAxis={[{ scaleType: 'band', data: weeks }]}
          yAxis={[{ tickMinStep: 1 }]}
          series={[
            { data: report.weeks.map((week) => week.overdue), label: t('reports.overdue.count'), color: '#b3261e' },
          ]}
        />
      </ChartWithTable>
      <ChartWithTable
        title={t('reports.decisions.title')}
        table={{
          columns: [t('reports.decisions.decision'), t('reports.decisions.count')],
          rows: report.decisions.map((entry, index) => ({
            key: entry.decision,
            cells: [decisionNames[index]!, String(entry.count)],
          })),
        }}
      >
        <BarChart
          height={chartHeight}
          skipAnimation
          disableKeyboardNavigation
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: decisionNames, width: 260 }]}
          xAxis={[{ tickMinStep: 1 }]}
          series={[{ data: report.decisions.map((entry) => entry.count), label: t('reports.decisions.count') }]}
        />
      </ChartWithTable>
    </>
  );
}
