import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupJob, DrillReport } from '../../../shared/api/backup-calls';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';

/** «Резервные копии» on the Settings screen: make a backup now (with progress), run the restore drill, the log. */
export function BackupsCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [round, setRound] = useState(0);
  const list = useApiQuery(`backups-${round}`, (a) => a.backups.list({}));
  const [job, setJob] = useState<BackupJob | null>(null);
  const [drill, setDrill] = useState<DrillReport | null>(null);
  const [drilling, setDrilling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      void api.backups.job({ jobId: job.jobId }).then((answer) => {
        if (!answer.ok) {
          setFailure(answer.error.code);
          setJob(null);
          return;
        }
        setJob(answer.data);
        if (answer.data.state !== 'running') setRound((n) => n + 1);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [api, job]);

  const start = async () => {
    setFailure(null);
    const answer = await api.backups.run({});
    if (answer.ok) setJob({ jobId: answer.data.jobId, state: 'running', progress: null, error: null, file: null });
    else setFailure(answer.error.code);
  };
  const runDrill = async () => {
    setFailure(null);
    setDrilling(true);
    const answer = await api.backups.drill({});
    setDrilling(false);
    if (answer.ok) setDrill(answer.data);
    else setFailure(answer.error.code);
    setRound((n) => n + 1);
  };
  const progress = job?.progress;
  const percent = progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : null;
  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3, maxWidth: 720 }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {t('backups.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
        <Button variant="contained" onClick={() => void start()} disabled={job?.state === 'running'}>
          {t('backups.run')}
        </Button>
        <Button variant="outlined" onClick={() => void runDrill()} disabled={drilling}>
          {t('backups.drill')}
        </Button>
      </Box>
      {job?.state === 'running' && (
        <Box role="status" sx={{ mb: 2 }}>
          <Typography>{t(`backups.phase.${progress?.phase ?? 'snapshot'}`)}</Typography>
          <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} />
        </Box>
      )}
      {job?.state === 'done' && <Alert severity="success">{t('backups.done', { file: job.file })}</Alert>}
      {job?.state === 'failed' && <Alert severity="error">{t('backups.failed', { code: job.error?.code })}</Alert>}
      {failure && <Alert severity="error">{t('backups.failed', { code: failure })}</Alert>}
      {drill && (
        <Alert severity={drill.ok ? 'success' : 'error'} sx={{ mt: 2 }}>
          {t(drill.ok ? 'backups.drillOk' : 'backups.drillFailed', drill)}
        </Alert>
      )}
      {list.status === 'ok' && (
        <Box component="ul" aria-label={t('backups.log')} sx={{ pl: 2 }}>
          {list.data.log.map((row) => (
            <li key={`${row.kind}-${row.at}`}>
              {t(`backups.kind.${row.kind}`)} · {new Date(row.at).toLocaleString()} ·{' '}
              {row.ok ? t('backups.verdictOk') : t('backups.verdictFailed')}
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}
