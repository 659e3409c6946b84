import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { ChartSummary } from '../../../shared/chart/chart-views';
import { useTexts } from '../../i18n/use-texts';
import { statusWords } from './chart-words';

/** What to notice about an entry at a glance: its status, removed, amended, uploaded by the patient. */
export function EntryMarks({ entry, withStatus = true }: { entry: ChartSummary; withStatus?: boolean }) {
  const { t } = useTexts();
  const status = withStatus ? statusWords(t, entry.status) : null;
  const flagged = entry.status === 'high' || entry.status === 'low' || entry.status === 'abnormal';
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {status ? <Chip size="small" label={status} color={flagged ? 'warning' : 'default'} variant="outlined" /> : null}
      {entry.deleted ? <Chip size="small" label={t('cards.removed')} color="error" variant="outlined" /> : null}
      {entry.amended ? <Chip size="small" label={t('cards.amended')} color="info" variant="outlined" /> : null}
      {entry.source === 'patient' ? <Chip size="small" label={t('cards.fromYou')} variant="outlined" /> : null}
    </Stack>
  );
}
