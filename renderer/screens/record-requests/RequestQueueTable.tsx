import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRequestItem } from '../../../shared/api/record-request-calls';
import { formatDateTime } from '../../format/date-time';
import { fullName } from '../../format/person-name';
import { QueueTable, numberCellSx } from '../../ui/QueueTable';
import { DueLabel } from './DueLabel';

const statusColor = { open: 'info', in_work: 'warning', done: 'success' } as const;
const columns = ['number', 'patient', 'purpose', 'formats', 'submitted', 'due', 'status'] as const;

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
  return (
    <QueueTable
      label={t('recordRequests.tableLabel')}
      headers={columns.map((column) => t(`recordRequests.columns.${column}`))}
      items={items}
      selected={selected}
      onSelect={setSelected}
      onOpen={onOpen}
      // A bar at the row's start as well as the words: overdue is never colour alone.
      rowSx={(item) => ({
        boxShadow: item.overdue ? (theme) => `inset 4px 0 0 ${theme.palette.error.main}` : undefined,
      })}
      cells={(item) => (
        <>
          <TableCell sx={numberCellSx}>{item.number}</TableCell>
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
        </>
      )}
    />
  );
}
