import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../shared/chart/chart-views';
import { KindIcon } from '../history/kind-icon';
import { StatusChips } from '../history/StatusChips';

/** An encounter's own entries (its diagnoses, prescriptions, results): each opens in the panel. */
export function EntryChildren({
  items,
  headingId,
  onOpen,
}: {
  items: readonly ChartSummary[];
  headingId: string;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('chart.entry.noChildren')}
      </Typography>
    );
  return (
    <Box component="ul" aria-labelledby={headingId} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {items.map((item) => (
        <li key={item.id}>
          <ButtonBase
            onClick={() => onOpen(item.id)}
            sx={{
              width: '100%',
              justifyContent: 'flex-start',
              textAlign: 'left',
              gap: 1,
              px: 1,
              py: 0.75,
              borderRadius: 1,
              '&:hover, &.Mui-focusVisible': { bgcolor: 'action.hover' },
            }}
          >
            <KindIcon kind={item.kind} sx={{ color: 'text.secondary' }} />
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: '6.5rem' }}>
              {t(`chart.kinds.${item.kind}`)}
            </Typography>
            <Typography variant="body2" sx={{ flex: 1, textDecoration: item.deleted ? 'line-through' : 'none' }}>
              {item.summary}
            </Typography>
            <StatusChips entry={item} />
          </ButtonBase>
        </li>
      ))}
    </Box>
  );
}
