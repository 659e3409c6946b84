import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { ReportDue } from './ReportDue';
import { QueueTable } from '../../ui/QueueTable';

export type QueueItem = CallOutput<'chart.reports.queue'>['items'][number];

const statusColor = { open: 'warning', accepted: 'success', declined: 'default' } as const;
const columns = ['patient', 'entry', 'kind', 'text', 'due', 'status'] as const;

/** The patient's words on one line: the panel shows them whole. */
const clipped = { maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * The reports, keyboard-first: the rows are one tab stop; arrows move the selection, Enter (or a
 * click) opens the report beside the list.
 */
export function ReportsTable({
  items,
  selected,
  now,
  onSelect,
  onOpen,
}: {
  items: readonly QueueItem[];
  selected: number;
  now: Date;
  onSelect(index: number): void;
  onOpen(item: QueueItem): void;
}) {
  const { t } = useTranslation();
  return (
    <QueueTable
      label={t('chartReports.tableLabel')}
      headers={columns.map((column) => t(`chartReports.columns.${column}`))}
      items={items}
      selected={selected}
      onSelect={onSelect}
      onOpen={onOpen}
      cells={(item) => (
        <>
          <TableCell sx={{ fontWeight: 500 }}>
            {item.patientName ?? <Missing text={t('chartReports.patientNotSynced')} />}
          </TableCell>
          <TableCell>{item.entrySummary || <Missing text={t('chartReports.entryNotSynced')} />}</TableCell>
          <TableCell>{t(`chart.entry.reports.kinds.${item.kind}`)}</TableCell>
          <TableCell sx={clipped} title={item.text}>
            {item.text}
          </TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>
            <ReportDue report={item} now={now} />
          </TableCell>
          <TableCell>
            <Chip
              size="small"
              variant="outlined"
              color={statusColor[item.status]}
              label={t(`chartReports.statuses.${item.status}`)}
            />
          </TableCell>
        </>
      )}
    />
  );
}

function Missing({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="text.secondary" component="span">
      {text}
    </Typography>
  );
}
