import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fileFormats,
  recordMaterials,
  type FileFormat,
  type RecordMaterial,
} from '../../../../shared/rights/record-requests';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { useExportJob } from './use-export-job';

const sections = recordMaterials.filter((material) => material !== 'all');

/** «Выписка»: the patient's record as a file — format, sections, period, progress, cancel, save (F3). */
export function ExportDialog({ patientId, open, onClose }: { patientId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<FileFormat>('pdf');
  const [chosen, setChosen] = useState<RecordMaterial[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { job, error, start, cancel, save, print } = useExportJob(patientId);
  const running = job?.state === 'running';
  const toggle = (section: RecordMaterial) =>
    setChosen((list) => (list.includes(section) ? list.filter((item) => item !== section) : [...list, section]));
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;

  return (
    <Dialog open={open} onClose={running ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('exports.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {error && <ApiErrorAlert title={t('exports.failed')} problems={[error]} />}
          <FormLabel id="export-format">{t('exports.format')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="export-format"
            value={format}
            onChange={(_e, value) => setFormat(value as FileFormat)}
          >
            {fileFormats.map((item) => (
              <FormControlLabel
                key={item}
                value={item}
                control={<Radio />}
                label={t(`exports.formats.${item}`)}
                disabled={running}
              />
            ))}
          </RadioGroup>
          <FormLabel component="legend">{t('exports.sections')}</FormLabel>
          <FormGroup row>
            {sections.map((section) => (
              <FormControlLabel
                key={section}
                control={
                  <Checkbox checked={chosen.includes(section)} onChange={() => toggle(section)} disabled={running} />
                }
                label={t(`exports.materials.${section}`)}
              />
            ))}
          </FormGroup>
          <Typography variant="body2" color="text.secondary">
            {t('exports.allWhenNone')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              type="date"
              label={t('exports.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              disabled={running}
            />
            <TextField
              type="date"
              label={t('exports.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              disabled={running}
            />
          </Stack>
          {job && (
            <Stack spacing={1}>
              <LinearProgress
                variant="determinate"
                value={job.state === 'done' ? 100 : percent}
                aria-label={t('exports.progress')}
              />
              <Typography variant="body2" role="status">
                {t(`exports.states.${job.state}`, { done: job.done, total: job.total })}
              </Typography>
              {job.file && job.file.withheld > 0 && (
                <Typography variant="body2">{t('exports.withheld', { count: job.file.withheld })}</Typography>
              )}
            </Stack>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={() => void cancel()}>{t('exports.cancel')}</Button>
        ) : (
          <Button onClick={onClose}>{t('exports.close')}</Button>
        )}
        <Button disabled={running} onClick={() => void print({ format: 'pdf', sections: chosen, from, to })}>
          {t('exports.print')}
        </Button>
        {job?.state === 'done' ? (
          <Button variant="contained" onClick={() => void save()}>
            {t('exports.save')}
          </Button>
        ) : (
          <Button
            variant="contained"
            disabled={running}
            onClick={() => void start({ format, sections: chosen, from, to })}
          >
            {t('exports.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
