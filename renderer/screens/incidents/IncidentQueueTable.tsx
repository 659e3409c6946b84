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
import type { IncidentItem } from '../../../shared/api/incident-calls';
import { formatDateTime } from '../../format/date-time';
import { useRowCursor } from '../../ui/use-row-cursor';
import { LeakClockChip } from './LeakClocks';

const statusColor = { open: 'error', handling: 'warning', resolved: 'success', reviewed: 'default' } as const;
const severityColor = { low: 'default', medium: 'info', high: 'warning', critical: 'error' } as const;

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
  const { onKeyDown, rowProps } = useRowCursor(items, selected, setSelected, onOpen);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('incidents.tableLabel')} onKeyDown={onKeyDown} size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('incidents.columns.number')}</TableCell>
            <TableCell>{t('incidents.columns.title')}</TableCell>
            <TableCell>{t('incidents.columns.kind')}</TableCell>
            <TableCell>{t('incidents.columns.severity')}</TableCell>
            <TableCell>{t('incidents.columns.detected')}</TableCell>
            <TableCell>{t('incidents.columns.handler')}</TableCell>
            <TableCell>{t('incidents.columns.clock')}</TableCell>
            <TableCell>{t('incidents.columns.status')}</TableCell>
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
              sx={{ cursor: 'pointer' }}
            >
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
                {item.number}
              </TableCell>
              <TableCell sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {item.title}
              </TableCell>
              <TableCell>{t(`incidents.kind.${item.kind}`)}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={severityColor[item.severity]}
                  label={t(`incidents.severity.${item.severity}`)}
                />
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
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
