import type { ApplicationsReport, ReportDecision, ReportStage } from '../../../shared/api/report-calls';
import { formatRussianDate } from '../../../shared/domain/calendar-date';

/** Excel opens a `;`-separated UTF-8 file with a BOM as Russian text, in columns. */
const bom = '\uFEFF';

/** A cell: quoted when it holds the separator, a quote or a line break. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? hoursText(value) : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Russian Excel reads it: a decimal comma. */
function hoursText(value: number): string {
  return String(value).replace('.', ',');
}

function table(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n');
}

const stageNames: Record<ReportStage, string> = {
  queue: 'Ожидание в очереди (подано → начато рассмотрение)',
  review: 'Рассмотрение (начато → решение)',
  supply: 'Ожидание дополнения от пациента (отказ → дополнено)',
  activation: 'Ожидание активации (одобрено → активировано)',
};

const decisionNames: Record<ReportDecision, string> = {
  approved: 'Одобрено',
  no_identity: 'Отказ: личность не подтверждена',
  no_consent: 'Отказ: нет согласия на обработку данных',
  legal_restriction: 'Отказ: ограничение по закону',
  confidentiality: 'Отказ: нарушение конфиденциальности',
};

/**
 * The report as a CSV file in the product's format (as the patient import reads it: UTF-8, `;`):
 * its tables one after another, each with its header row, a blank line between them.
 */
export function applicationsReportCsv(report: ApplicationsReport): { fileName: string; text: string } {
  const period = table(
    ['Период с', 'по', 'Подано', 'Решений', 'Активировано', 'Просрочено', 'Медиана, ч', '90-й процентиль, ч'],
    [
      [
        formatRussianDate(report.from),
        formatRussianDate(report.to),
        report.totals.submitted,
        report.totals.decided,
        report.totals.activated,
        report.totals.overdue,
        report.totals.processing.medianHours,
        report.totals.processing.p90Hours,
      ],
    ],
  );
  const weeks = table(
    ['Неделя', 'Начало недели', 'Решено впервые', 'Медиана, ч', '90-й процентиль, ч', 'Просрочено'],
    report.weeks.map((week) => [
      week.week,
      formatRussianDate(week.start),
      week.count,
      week.medianHours,
      week.p90Hours,
      week.overdue,
    ]),
  );
  const stages = table(
    ['Этап', 'Случаев', 'Медиана, ч', '90-й процентиль, ч'],
    report.stages.map((stage) => [stageNames[stage.stage], stage.count, stage.medianHours, stage.p90Hours]),
  );
  const decisions = table(
    ['Решение', 'Количество'],
    report.decisions.map((entry) => [decisionNames[entry.decision], entry.count]),
  );
  return {
    fileName: `zayavleniya_${report.from}_${report.to}.csv`,
    text: `${bom}${[period, weeks, stages, decisions].join('\r\n\r\n')}\r\n`,
  };
}
