import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { visuallyHidden } from '../../../ui/visually-hidden';
import { DuplicateMatchSummary } from '../duplicates/DuplicateMatchSummary';
import type { DuplicateCandidates } from './use-duplicate-candidates';

interface Props {
  state: QueryState<DuplicateCandidates>;
  /** Similar people the clerk has said are someone else. */
  confirmed: ReadonlySet<string>;
  onConfirm: (id: string, different: boolean) => void;
  /** Save was refused because of what this panel shows: it says so, louder. */
  blocked: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Possible duplicates beside the form, while typing (B2, UX.md). The same SNILS, ЕНП or INN is
 * a hard stop with the way to the existing card; a similar person is shown with the score and
 * the matching fields, and saving waits for «это другой человек».
 */
export function DuplicatePanel({ state, confirmed, onConfirm, blocked, headingRef }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const items = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;
  const hardStops = items?.filter((item) => item.hardStop) ?? [];
  const similar = items?.filter((item) => !item.hardStop) ?? [];
  const unconfirmed = similar.filter((item) => !confirmed.has(item.id)).length;

  let summary: string;
  if (state.status === 'idle') summary = t('patients.duplicates.idle');
  else if (state.status === 'failed') summary = t('patients.duplicates.failed');
  else if (!items) summary = t('patients.duplicates.searching');
  else if (items.length === 0) summary = t('patients.duplicates.none');
  else if (hardStops.length > 0) summary = t('patients.duplicates.hardStopSummary');
  else summary = t('patients.duplicates.similarSummary', { count: similar.length });

  return (
    <Paper
      component="aside"
      variant="outlined"
      aria-labelledby={titleId}
      sx={{ p: 2.5, borderColor: blocked ? 'error.main' : undefined, borderWidth: blocked ? 2 : 1 }}
    >
      <Typography
        variant="h2"
        id={titleId}
        ref={headingRef}
        tabIndex={-1}
        sx={{ fontSize: '1.25rem', mb: 1, outline: 'none' }}
      >
        {t('patients.duplicates.title')}
      </Typography>
      <Box sx={{ minHeight: 4, mb: 1 }}>
        {state.status === 'loading' && <LinearProgress aria-label={t('patients.duplicates.searching')} />}
      </Box>
      <Box role="status" sx={items && items.length > 0 ? visuallyHidden : undefined}>
        <Typography color="text.secondary">{summary}</Typography>
      </Box>
      {state.status === 'failed' && <ApiErrorAlert title={t('patients.duplicates.failed')} problems={[state.error]} />}
      {hardStops.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          <AlertTitle>{t('patients.duplicates.hardStopTitle')}</AlertTitle>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            {t('patients.duplicates.hardStopHint')}
          </Typography>
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            {hardStops.map((candidate) => (
              <DuplicateMatchSummary key={candidate.id} candidate={candidate} />
            ))}
          </Box>
        </Alert>
      )}
      {similar.length > 0 && (
        <Box>
          <Typography
            variant="body2"
            sx={{
              mb: 1.5,
              color: blocked && unconfirmed > 0 ? 'error.main' : 'text.primary',
              fontWeight: blocked ? 600 : 400,
            }}
          >
            {t('patients.duplicates.similarHint')}
          </Typography>
          <Box component="ul" sx={{ display: 'grid', gap: 2, p: 0, m: 0, listStyle: 'none' }}>
            {similar.map((candidate) => (
              <Box component="li" key={candidate.id} sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
                <DuplicateMatchSummary candidate={candidate} />
                <FormControlLabel
                  sx={{ mt: 0.5 }}
                  control={
                    <Checkbox
                      checked={confirmed.has(candidate.id)}
                      onChange={(event) => onConfirm(candidate.id, event.target.checked)}
                    />
                  }
                  label={t('patients.duplicates.differentPerson', {
                    name: `${candidate.patient.surname} ${candidate.patient.name}`,
                  })}
                />
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Paper>
  );
}
