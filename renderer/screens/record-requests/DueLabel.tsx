import WarningAmber from '@mui/icons-material/WarningAmber';
import PriorityHigh from '@mui/icons-material/PriorityHigh';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RecordRequestItem } from '../../../shared/api/record-request-calls';
import { formatDateTime } from '../../format/date-time';
import { formatIsoDate } from './iso-date';

type Due = Pick<RecordRequestItem, 'status' | 'dueOn' | 'daysLeft' | 'overdue' | 'escalatedAt'>;

/**
 * The deadline in words with an icon where it matters, never colour alone: «просрочен, рабочих
 * дней: 2» with a warning icon, «эскалирован» with its own, «срок сегодня», or the days left.
 */
export function DueLabel({ item }: { item: Due }) {
  const { t } = useTranslation();
  const date = t('recordRequests.due.on', { date: formatIsoDate(item.dueOn) });
  if (item.status === 'done')
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {date}
      </Typography>
    );
  const words = item.overdue
    ? item.daysLeft === null
      ? t('recordRequests.due.overdueNoCount')
      : t('recordRequests.due.overdue', { count: -item.daysLeft })
    : item.daysLeft === 0
      ? t('recordRequests.due.today')
      : item.daysLeft === null
        ? ''
        : t('recordRequests.due.left', { count: item.daysLeft });
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', gap: 0.25 }}>
      <span>{date}</span>
      {words && (
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            color: item.overdue ? 'error.main' : 'text.secondary',
            fontWeight: item.overdue ? 600 : 400,
          }}
        >
          {item.overdue && <WarningAmber fontSize="small" aria-hidden />}
          {words}
        </Box>
      )}
      {item.escalatedAt && (
        <Box
          component="span"
          title={t('recordRequests.due.escalatedAt', { at: formatDateTime(item.escalatedAt) })}
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'error.main', fontWeight: 600 }}
        >
          <PriorityHigh fontSize="small" aria-hidden />
          {t('recordRequests.due.escalated')}
        </Box>
      )}
    </Box>
  );
}
