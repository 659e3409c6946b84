import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { DuplicateCandidateView } from '../../../../shared/api/duplicate-calls';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { displaySnils } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';

/**
 * One possible duplicate as the scorer saw it (B2): who (a link to the card), born when, the
 * score, and each matching field with how it matched («Фамилия: ё/е», «Имя: опечатка»).
 */
export function DuplicateMatchSummary({ candidate }: { candidate: DuplicateCandidateView }) {
  const { t } = useTranslation();
  const { patient } = candidate;
  return (
    <Box>
      <Link component={RouterLink} to={`/patients/${patient.id}`} sx={{ fontWeight: 600, fontSize: '1.05rem' }}>
        {fullName(patient)}
      </Link>
      <Typography variant="body2" color="text.secondary">
        {[
          formatRussianDate(patient.birthDate),
          patient.snils ? `${t('patients.fields.snils')} ${displaySnils(patient.snils)}` : null,
          candidate.hardStop ? null : t('patients.duplicates.score', { percent: Math.round(candidate.score * 100) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      <Box
        component="ul"
        aria-label={t('patients.duplicates.matchesLabel')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, p: 0, m: 0, mt: 0.75, listStyle: 'none' }}
      >
        {candidate.matches.map((match) => (
          <li key={match.field}>
            <Chip
              size="small"
              variant="outlined"
              color={candidate.hardStop && ['snils', 'enp', 'inn'].includes(match.field) ? 'error' : 'default'}
              label={`${t(`patients.fields.${match.field}`)}: ${t(`patients.duplicates.kinds.${match.kind}`, { count: match.distance })}`}
            />
          </li>
        ))}
      </Box>
    </Box>
  );
}
