import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { labUploadRequestSchema, type CabinetLab } from '../../../../shared/cabinet/chart-api';
import { chartDocumentTypes } from '../../../../shared/chart/entry-kinds';
import { useClient } from '../../../api/session';
import { useChartUpload } from '../../../api/use-chart-upload';
import { codeResolver } from '../../../forms/code-resolver';
import { TextInput } from '../../../forms/TextInput';
import { useSubmit } from '../../../forms/use-submit';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { FileButton } from '../../../ui/FileButton';
import { formBox } from '../../../ui/form-box';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { fileSize } from './file-size';

type DocumentType = (typeof chartDocumentTypes)[number];
interface Values {
  type: DocumentType;
  date: string;
  title: string;
  comment: string;
}

// The contract's own schema (without the file, which the server names once it has checked it).
const schema = labUploadRequestSchema.omit({ scanId: true });

/**
 * Uploading a lab result: the file first (with its progress; the server checks it as any scan —
 * format by content, size, integrity — and names the refusal's code), then its type, date, title
 * and comment. A file the server kept is not sent again when only the details were refused.
 */
export function LabUploadForm({ onUploaded }: { onUploaded: (lab: CabinetLab) => void }) {
  const { t, language } = useTexts();
  const form = useForm<Values>({
    resolver: codeResolver(schema),
    defaultValues: { type: 'lab_report', date: '', title: '', comment: '' },
  });
  const { run, busy, problems, setProblems } = useSubmit(form, ['type', 'date', 'title', 'comment']);
  const client = useClient();
  const { file, percent, choose, missing, upload, clear } = useChartUpload(setProblems);
  const submit = form.handleSubmit((values) => {
    if (!file) {
      setProblems([missing]);
      return Promise.resolve();
    }
    return run(async () => {
      const scanId = await upload(file);
      const lab = await client.chart.addLab({ scanId, ...values, comment: values.comment.trim() });
      form.reset();
      clear();
      onUploaded(lab);
    });
  });
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="lab-upload-title" sx={formBox}>
      <Typography id="lab-upload-title" variant="h3" component="h3">
        {t('documents.upload')}
      </Typography>
      <Stack spacing={1}>
        <Typography variant="body2" color="text.secondary">
          {t('documents.fileHelp')}
        </Typography>
        {file ? (
          <Typography sx={{ overflowWrap: 'anywhere' }}>
            {t('documents.chosen', { name: file.name, size: fileSize(file.size, t, language) })}
          </Typography>
        ) : null}
        <Box>
          <FileButton label={t('documents.choose')} onFile={choose} disabled={busy} />
        </Box>
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            form={form}
            name="type"
            label={t('documents.type')}
            select
            slotProps={{ select: { native: true } }}
          >
            {chartDocumentTypes.map((type) => (
              <option key={type} value={type}>
                {t(`entry.documentTypes.${type}`)}
              </option>
            ))}
          </TextInput>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            form={form}
            name="date"
            type="date"
            label={t('documents.date')}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Grid>
      </Grid>
      <TextInput
        form={form}
        name="title"
        label={t('documents.labTitle')}
        help={t('documents.labTitleHelp')}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <TextInput
        form={form}
        name="comment"
        label={t('documents.comment')}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      {percent !== null ? (
        <Stack role="status" aria-live="polite" spacing={1}>
          <Typography variant="body2">{t('documents.uploading', { percent })}</Typography>
          <LinearProgress variant="determinate" value={percent} aria-label={t('documents.uploading', { percent })} />
        </Stack>
      ) : busy ? (
        <Busy label={t('documents.saving')} />
      ) : null}
      <RefusalAlert problems={problems} />
      <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
        {t('documents.submit')}
      </Button>
    </Stack>
  );
}
