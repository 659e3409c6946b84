import CloseOutlined from '@mui/icons-material/CloseOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { EntryBody } from '../chart/entry/EntryBody';
import { EntryReports } from '../chart/entry/EntryReports';
import { VersionsDialog } from '../chart/entry/VersionsDialog';
import { AcceptReportDialog } from './AcceptReportDialog';
import { announceReportDecided } from './report-events';
import type { QueueItem } from './ReportsTable';

type Dialog = 'accept' | 'decline' | 'versions' | null;

/**
 * One report opened beside the queue: what the patient said, the entry as it stands (with its
 * previous versions), and the two answers — amend the entry (the report accepted) or decline with
 * a reason. Escape closes it; focus starts on its heading.
 */
export function ReportPanel({ report, onClose, onDecided }: { report: QueueItem; onClose(): void; onDecided(): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const entryHeadingId = useId();
  const reportHeadingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [generation, setGeneration] = useState(0);
  const detail = useApiQuery(`chart-report-entry:${report.entryId}:${generation}`, (api) =>
    api.chart.entry({ id: report.entryId }),
  );

  useEffect(() => heading.current?.focus(), [report.id]);

  const decided = useCallback(() => {
    announceReportDecided();
    setGeneration((value) => value + 1);
    onDecided();
  }, [onDecided]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && dialog === null) {
      event.preventDefault();
      onClose();
    }
  }

  const shown = detail.status === 'ok' ? detail.data : detail.status === 'loading' ? detail.previous : null;
  const entry = shown?.entry.id === report.entryId ? shown.entry : null;
  const revisions = entry && shown ? shown.revisions : [];

  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 3 }} onKeyDown={onKeyDown}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Typography variant="h2" id={headingId} ref={heading} tabIndex={-1} sx={{ flex: 1, outline: 'none' }}>
          {t('chartReports.panel.title')}
          {report.patientName && (
            <Typography component="span" variant="h2" color="text.secondary">
              {' — '}
              {report.patientName}
            </Typography>
          )}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('chartReports.panel.close')} size="small">
          <CloseOutlined />
        </IconButton>
      </Box>

      <Typography variant="h3" id={reportHeadingId} sx={{ mt: 2, mb: 1 }}>
        {t('chartReports.panel.report')}
      </Typography>
      <EntryReports reports={[report]} headingId={reportHeadingId} />

      <Typography variant="h3" id={entryHeadingId} sx={{ mt: 3, mb: 1 }}>
        {t('chartReports.panel.entry')}
      </Typography>
      {detail.status === 'failed' ? (
        <ApiErrorAlert title={t('chartReports.panel.entryFailed')} problems={[detail.error]} />
      ) : !entry ? (
        <Loading space={2} />
      ) : (
        <Box aria-labelledby={entryHeadingId} component="div">
          <Typography sx={{ fontWeight: 600, mb: 1 }}>
            {t(`chart.kinds.${entry.kind}`)}: {entry.summary}
          </Typography>
          {entry.deleted && <Alert severity="warning">{t('chartReports.panel.deleted')}</Alert>}
          <EntryBody kind={entry.kind} body={entry.body} />
          {entry.amended && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('chartReports.panel.amended', { revision: entry.revision })}
            </Typography>
          )}
          {revisions.length > 0 && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => setDialog('versions')}>
              {t('chartReports.panel.versions', { count: revisions.length })}
            </Button>
          )}
        </Box>
      )}

      {report.status === 'open' ? (
        <Box sx={{ mt: 3 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              disabled={!entry || entry.deleted}
              onClick={() => setDialog('accept')}
              aria-describedby={`${headingId}-accept-hint`}
            >
              {t('chartReports.panel.accept')}
            </Button>
            <Button variant="outlined" color="error" onClick={() => setDialog('decline')}>
              {t('chartReports.panel.decline')}
            </Button>
          </Box>
          <Typography id={`${headingId}-accept-hint`} variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('chartReports.panel.acceptHint')}
          </Typography>
        </Box>
      ) : (
        <Alert severity="info" sx={{ mt: 3 }}>
          {t('chartReports.panel.decided')}
        </Alert>
      )}

      {dialog === 'accept' && entry && (
        <AcceptReportDialog reportId={report.id} entry={entry} onClose={() => setDialog(null)} onAccepted={decided} />
      )}
      {dialog === 'decline' && (
        <ReasonDialog
          texts={{
            title: t('chartReports.declineDialog.title'),
            intro: t('chartReports.declineDialog.intro'),
            reason: t('chartReports.declineDialog.reason'),
            submit: t('chartReports.declineDialog.submit'),
            failed: t('chartReports.declineDialog.failed'),
          }}
          multiline
          send={(api, reason) => api.chart['reports.decline']({ id: report.id, reason })}
          onDone={() => {
            setDialog(null);
            decided();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'versions' && entry && (
        <VersionsDialog entry={entry} revisions={revisions} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
