import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentItem } from '../../../shared/api/incident-calls';
import { formatDateTime } from '../../format/date-time';
import { QueueTable, numberCellSx } from '../../ui/QueueTable';
import { LeakClockChip } from './LeakClocks';

const statusColor = { open: 'error', handling: 'warning', resolved: 'success', reviewed: 'default' } as const;
const severityColor = { low: 'default', medium: 'info', high: 'warning', critical: 'error' } as const;
const columns = ['number', 'title', 'kind', 'severity', 'detected', 'handler', 'clock', 'status'] as const;

/** The log, keyboard-first: one tab stop; arrows move, Enter (or a click) opens the incident. */
export function IncidentQueueTable({
  items,
  onOpen,
}: {
  items: readonly IncidentItem[];
  onOpen(item: IncidentItem): void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  return (
    <QueueTable
      label={t('incidents.tableLabel')}
      headers={columns.map((column) => t(`incidents.columns.${column}`))}
      items={items}
      selected={selected}
      onSelect={setSelected}
      onOpen={onOpen}
      cells={(item) => (
        <>
          <TableCell sx={numberCellSx}>{item.number}</TableCell>
          <TableCell sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {item.title}
          </TableCell>
          <TableCell>{t(`incidents.kind.${item.kind}`)}</TableCell>
          <TableCell>
            <Chip size="small" color={severityColor[item.severity]} label={t(`incidents.severity.${item.severity}`)} />
          </TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.detectedAt)}</TableCell>
          <TableCell>{item.handler?.name ?? '—'}</TableCell>
          <TableCell>
            <LeakClockChip item={item} />
          </TableCell>
          <TableCell>
            <Chip
              size="small"
              variant="outlined"
              color={statusColor[item.status]}
              label={t(`incidents.status.${item.status}`)}
            />
          </TableCell>
        </>
      )}
    />
  );
}
