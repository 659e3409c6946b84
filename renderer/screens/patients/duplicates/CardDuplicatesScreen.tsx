import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { fullName } from '../../../format/person-name';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { ScreenHeader } from '../../../ui/ScreenHeader';
import { DuplicateMatchSummary } from './DuplicateMatchSummary';
import { MergeDialog } from './MergeDialog';
import { Loading } from '../../../ui/Loading';

/** `/patients/:id/duplicates`: cards that may be the same person as this one, each a merge away (B2). */
export function CardDuplicatesScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const card = useApiQuery(`patient:${id}`, (api) => api.patients.get({ id }));
  if (card.status === 'failed') return <ApiErrorAlert title={t('patients.card.loadFailed')} problems={[card.error]} />;
  if (card.status !== 'ok') return <Loading space={0} />;
  return <CandidatesOf key={id} card={card.data} />;
}

function CandidatesOf({ card }: { card: Patient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [merging, setMerging] = useState<string | null>(null);
  const candidates = useApiQuery(`card-duplicates:${card.id}:${card.version}`, (api) =>
    api.patients.duplicates({
      surname: card.surname,
      name: card.name,
      patronymic: card.patronymic,
      birthDate: card.birthDate,
      snils: card.snils,
      enp: card.enp,
      inn: card.inn,
      limit: 20,
    }),
  );
  const items = candidates.status === 'ok' ? candidates.data.items.filter((item) => item.id !== card.id) : [];

  return (
    <>
      <ScreenHeader
        title={t('patients.merge.screenTitle', { name: fullName(card) })}
        subtitle={t('patients.merge.screenIntro')}
        action={<Button onClick={() => navigate(`/patients/${card.id}`)}>{t('patients.merge.backToCard')}</Button>}
      />
      {candidates.status === 'failed' && (
        <ApiErrorAlert title={t('patients.duplicates.failed')} problems={[candidates.error]} />
      )}
      {candidates.status === 'loading' && <CircularProgress aria-label={t('patients.duplicates.searching')} />}
      {candidates.status === 'ok' && items.length === 0 && (
        <EmptyState title={t('patients.merge.noneTitle')} hint={t('patients.merge.noneHint')} />
      )}
      <Box
        component="ul"
        aria-label={t('patients.duplicates.title')}
        sx={{ display: 'grid', gap: 2, p: 0, m: 0, listStyle: 'none' }}
      >
        {items.map((candidate) => (
          <Paper
            component="li"
            variant="outlined"
            key={candidate.id}
            sx={{
              p: 2,
              display: 'flex',
              gap: 2,
              alignItems: 'center',
              justifyContent: 'space-between',
              flexWrap: 'wrap',
            }}
          >
            <DuplicateMatchSummary candidate={candidate} />
            <Button
              variant="outlined"
              onClick={() => setMerging(candidate.id)}
              aria-label={t('patients.merge.openFor', { name: fullName(candidate.patient) })}
            >
              {t('patients.merge.open')}
            </Button>
          </Paper>
        ))}
      </Box>
      {merging && (
        <MergeDialog
          card={card}
          candidateId={merging}
          onClose={() => setMerging(null)}
          onMerged={(survivorId) => navigate(`/patients/${survivorId}`, { state: { merged: true } })}
        />
      )}
    </>
  );
}
