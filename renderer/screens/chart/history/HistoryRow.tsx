import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../shared/chart/chart-views';
import { entryDate } from './entry-date';
import { KindIcon } from './kind-icon';
import { StatusChips } from './StatusChips';

/** One row of the timeline: when and what kind; the summary over its code, doctor and visit; chips at the end. */
export function HistoryRow({ item }: { item: ChartSummary }) {
  const { t } = useTranslation();
  const details = [
    item.code ?? null,
    item.doctor?.name ?? t('chart.history.noDoctor'),
    item.visitType ? t(`chart.history.visitTypes.${item.visitType}`) : null,
  ].filter((part): part is string => part !== null);
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '8.5rem minmax(0, 1fr) auto',
        alignItems: 'center',
        columnGap: 2,
        height: '100%',
        px: 2,
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {entryDate(item)}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, color: 'text.secondary', minWidth: 0 }}>
          <KindIcon kind={item.kind} sx={{ fontSize: '1rem' }} />
          <Typography variant="body2" component="span" noWrap>
            {t(`chart.kinds.${item.kind}`)}
          </Typography>
        </Box>
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography
          variant="body1"
          noWrap
          title={item.summary}
          sx={{
            fontWeight: item.kind === 'encounter' ? 600 : 400,
            textDecoration: item.deleted ? 'line-through' : 'none',
            color: item.deleted ? 'text.secondary' : 'text.primary',
          }}
        >
          {item.summary}
        </Typography>
        <Typography variant="body2" color="text.secondary" noWrap>
          {details.join(' · ')}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 0.5, justifyContent: 'flex-end', flexWrap: 'wrap', maxWidth: '14rem' }}>
        <StatusChips entry={item} />
      </Box>
    </Box>
  );
}
