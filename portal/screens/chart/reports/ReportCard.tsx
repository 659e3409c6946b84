import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Link as RouterLink } from 'react-router';
import type { ChartReport } from '../../../../shared/chart/chart-views';
import { disagreementRequestSchema } from '../../../../shared/chart/inaccuracy';
import { useClient } from '../../../api/session';
import { codeResolver } from '../../../forms/code-resolver';
import { TextInput } from '../../../forms/TextInput';
import { useSubmit } from '../../../forms/use-submit';
import { useTexts } from '../../../i18n/use-texts';
import { formatDay, formatInstant } from '../../../ui/dates';
import { RefusalAlert } from '../../../ui/RefusalAlert';

// The contract's rule for the text, under a field name of its own (the report form may be on the same page).
const disagreementSchema = z.object({ disagreement: disagreementRequestSchema.shape.text });

const severity = { open: 'info', accepted: 'success', declined: 'warning' } as const;

/**
 * One inaccuracy report and its outcome: open with the clinic's deadline, accepted with the
 * amendment's version, declined with the reason — and then, once, a statement of disagreement.
 */
export function ReportCard({
  report,
  onChange,
  headingLevel = 'h3',
  withEntryLink = false,
}: {
  report: ChartReport;
  onChange: (report: ChartReport) => void;
  headingLevel?: 'h2' | 'h3';
  withEntryLink?: boolean;
}) {
  const { t, language } = useTexts();
  const [attaching, setAttaching] = useState(false);
  const headingId = `report-${report.id}`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1}>
          <Typography id={headingId} variant="h3" component={headingLevel}>
            {t('reports.heading', {
              kind: t(`reports.kinds.${report.kind}`),
              status: t(`reports.statuses.${report.status}`),
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('reports.submitted', { date: formatInstant(report.submittedAt, language) })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('reports.yourText')}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.text}</Typography>
          {report.status === 'open' ? (
            <Alert severity={report.overdue ? 'warning' : severity.open} variant="outlined">
              {report.overdue
                ? t('reports.overdue', { date: formatDay(report.dueOn, language) })
                : t('reports.due', { date: formatDay(report.dueOn, language) })}
            </Alert>
          ) : (
            <Alert severity={severity[report.status]} variant="outlined">
              <Typography variant="body2">
                {t('reports.decided', {
                  date: report.decidedAt ? formatInstant(report.decidedAt, language) : '—',
                  by: report.decidedBy ? t('reports.by', { name: report.decidedBy.name }) : '',
                })}
              </Typography>
              {report.status === 'accepted' && report.amendmentRevision !== null ? (
                <Typography>{t('reports.amendment', { revision: report.amendmentRevision })}</Typography>
              ) : null}
              {report.status === 'declined' && report.declineReason ? (
                <>
                  <Typography variant="body2" sx={{ fontWeight: 500, mt: 1 }}>
                    {t('reports.declineReason')}
                  </Typography>
                  <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {report.declineReason}
                  </Typography>
                </>
              ) : null}
            </Alert>
          )}
          {report.disagreement ? (
            <>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {t('reports.disagreement', {
                  date: report.disagreementAt ? formatInstant(report.disagreementAt, language) : '—',
                })}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.disagreement}</Typography>
            </>
          ) : null}
          {report.status === 'declined' && !report.disagreement ? (
            attaching ? (
              <DisagreementForm
                report={report}
                onDone={(next) => {
                  setAttaching(false);
                  onChange(next);
                }}
                onCancel={() => setAttaching(false)}
              />
            ) : (
              <Button variant="outlined" onClick={() => setAttaching(true)} sx={{ alignSelf: 'flex-start' }}>
                {t('reports.disagreementAttach')}
              </Button>
            )
          ) : null}
          {withEntryLink ? (
            <Link component={RouterLink} to={`/cabinet/cards/${encodeURIComponent(report.entryId)}`}>
              {t('reports.openEntry')}
            </Link>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

function DisagreementForm({
  report,
  onDone,
  onCancel,
}: {
  report: ChartReport;
  onDone: (report: ChartReport) => void;
  onCancel: () => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const form = useForm<{ disagreement: string }>({
    resolver: codeResolver(disagreementSchema),
    defaultValues: { disagreement: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['disagreement'], (field) =>
    field === 'text' ? 'disagreement' : field,
  );
  const submit = form.handleSubmit((values) =>
    run(async () => onDone(await client.chart.disagreement(report.id, values.disagreement.trim()))),
  );
  return (
    <Stack component="form" noValidate spacing={1.5} onSubmit={submit}>
      <Typography variant="body2" color="text.secondary">
        {t('reports.disagreementIntro')}
      </Typography>
      <TextInput
        form={form}
        name="disagreement"
        label={t('reports.disagreementText')}
        help={t('reports.textHelp')}
        multiline
        minRows={3}
        autoFocus
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <RefusalAlert problems={problems} />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('reports.disagreementSend')}
        </Button>
        <Button variant="text" onClick={onCancel} disabled={busy}>
          {t('reports.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
