import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useClient } from '../../../api/session';
import { useLoaded } from '../../../api/use-loaded';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { Page } from '../../../ui/Page';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { LabItem } from './LabItem';
import { LabUploadForm } from './LabUploadForm';

/** «Документы» → «Анализы»: upload a lab result, see the uploads, download one, send it to a doctor. */
export function DocumentsScreen() {
  const { t } = useTexts();
  const client = useClient();
  const loadLabs = useCallback(() => client.chart.labs(), [client]);
  const loadDoctors = useCallback(() => client.chart.doctors(), [client]);
  const labs = useLoaded(loadLabs);
  const doctors = useLoaded(loadDoctors);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const items = labs.data ? [...labs.data.items].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt)) : [];
  return (
    <Page title={t('documents.title')} wide>
      <Stack component="section" aria-labelledby="labs-title" spacing={2}>
        <Typography id="labs-title" variant="h2">
          {t('documents.labs')}
        </Typography>
        <Typography color="text.secondary">{t('documents.labsIntro')}</Typography>
        <LabUploadForm
          onUploaded={(lab) => {
            setUploaded(lab.title);
            labs.setData({ items: [lab, ...(labs.data?.items ?? []).filter((item) => item.id !== lab.id)] });
          }}
        />
        {uploaded ? (
          <Alert severity="success" role="status">
            {t('documents.uploaded', { title: uploaded })}
          </Alert>
        ) : null}
        <Divider />
        <Typography id="labs-list-title" variant="h3" component="h3">
          {t('documents.list')}
        </Typography>
        <RefusalAlert problems={[...labs.problems, ...doctors.problems]} />
        {labs.data === undefined && labs.problems.length === 0 ? <Busy label={t('documents.loading')} /> : null}
        {labs.data && items.length === 0 ? (
          <Alert severity="info" variant="outlined">
            {t('documents.none')}
          </Alert>
        ) : null}
        {items.length > 0 ? (
          <Stack spacing={1.5} aria-labelledby="labs-list-title">
            {items.map((lab) => (
              <LabItem
                key={lab.id}
                lab={lab}
                doctors={doctors.data?.items}
                onChange={(next) => labs.setData({ items: items.map((item) => (item.id === next.id ? next : item)) })}
              />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Page>
  );
}
