import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRequestItem } from '../../../shared/api/record-request-calls';
import { formatDateTime } from '../../format/date-time';
import { fullName } from '../../format/person-name';
import { useRowCursor } from '../../ui/use-row-cursor';
import { DueLabel } from './DueLabel';

const statusColor = { open: 'info', in_work: 'warning', done: 'success' } as const;

/**
 * The queue, keyboard-first: the rows are one tab stop; arrows move the selection, Enter (or a
 * click) opens the request. An overdue row is marked by its deadline's icon and words.
 */
export function RequestQueueTable({
  items,
  selectedId,
  onOpen,
}: {
  items: readonly RecordRequestItem[];
  selectedId: string | null;
  onOpen(item: RecordRequestItem): void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(() =>
    Math.max(
      0,
      items.findIndex((item) => item.id === selectedId),
    ),
  );
  const { onKeyDown, rowProps } = useRowCursor(items, selected, setSelected, onOpen);

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('recordRequests.tableLabel')} onKeyDown={onKeyDown} size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('recordRequests.columns.number')}</TableCell>
            <TableCell>{t('recordRequests.columns.patient')}</TableCell>
            <TableCell>{t('recordRequests.columns.purpose')}</TableCell>
            <TableCell>{t('recordRequests.columns.formats')}</TableCell>
            <TableCell>{t('recordRequests.columns.submitted')}</TableCell>
            <TableCell>{t('recordRequests.columns.due')}</TableCell>
            <TableCell>{t('recordRequests.columns.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, index) => (
            <TableRow
              key={item.id}
              {...rowProps(index)}
              hover
              onClick={() => {
                setSelected(index);
                onOpen(item);
              }}
              sx={{
                cursor: 'pointer',
                // A bar at the row's start as well as the words: overdue is never colour alone.
                boxShadow: item.overdue ? (theme) => `inset 4px 0 0 ${theme.palette.error.main}` : undefined,
              }}
            >
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
                {item.number}
              </TableCell>
              <TableCell>{fullName(item.patient)}</TableCell>
              <TableCell sx={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {item.purpose}
              </TableCell>
              <TableCell>{item.formats.map((format) => t(`recordRequests.format.${format}`)).join(', ')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.submittedAt)}</TableCell>
              <TableCell>
                <DueLabel item={item} />
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={statusColor[item.status]}
                  label={t(`recordRequests.status.${item.status}`)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
