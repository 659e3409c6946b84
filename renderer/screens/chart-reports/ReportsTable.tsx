import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { ReportDue } from './ReportDue';
import { useRowCursor } from '../../ui/use-row-cursor';

export type QueueItem = CallOutput<'chart.reports.queue'>['items'][number];

const statusColor = { open: 'warning', accepted: 'success', declined: 'default' } as const;

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
  const { onKeyDown, rowProps } = useRowCursor(items, selected, onSelect, onOpen);

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('chartReports.tableLabel')} onKeyDown={onKeyDown} size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('chartReports.columns.patient')}</TableCell>
            <TableCell>{t('chartReports.columns.entry')}</TableCell>
            <TableCell>{t('chartReports.columns.kind')}</TableCell>
            <TableCell>{t('chartReports.columns.text')}</TableCell>
            <TableCell>{t('chartReports.columns.due')}</TableCell>
            <TableCell>{t('chartReports.columns.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, index) => (
            <TableRow
              key={item.id}
              {...rowProps(index)}
              hover
              onClick={() => {
                onSelect(index);
                onOpen(item);
              }}
              sx={{ cursor: 'pointer' }}
            >
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
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function Missing({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="text.secondary" component="span">
      {text}
    </Typography>
  );
}
