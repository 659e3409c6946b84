import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApplicationQueueItem } from '../../../shared/api/application-calls';
import { fullName } from '../../format/person-name';
import { DueChip } from './DueChip';
import { statusColor } from './status-color';

/**
 * The queue, keyboard-first: the rows are one tab stop; arrows move the selection, Enter (or a
 * click) opens the application.
 */
export function ApplicationsQueueTable({ items, now }: { items: readonly ApplicationQueueItem[]; now: Date }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const moved = useRef(false);
  const current = Math.min(selected, items.length - 1);

  useEffect(() => {
    if (moved.current) rows.current[current]?.focus();
    moved.current = false;
  }, [current]);

  const open = (item: ApplicationQueueItem | undefined) => item && navigate(`/applications/${item.id}`);

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      moved.current = true;
      setSelected(Math.max(0, Math.min(items.length - 1, current + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(items[current]);
    }
  }

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('applications.tableLabel')} onKeyDown={onKeyDown} size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('applications.columns.number')}</TableCell>
            <TableCell>{t('applications.columns.patient')}</TableCell>
            <TableCell>{t('applications.columns.channel')}</TableCell>
            <TableCell>{t('applications.columns.urgent')}</TableCell>
            <TableCell>{t('applications.columns.status')}</TableCell>
            <TableCell>{t('applications.columns.due')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, index) => (
            <TableRow
              key={item.id}
              ref={(row) => {
                rows.current[index] = row;
              }}
              hover
              selected={index === current}
              tabIndex={index === current ? 0 : -1}
              aria-selected={index === current}
              onClick={() => open(item)}
              onFocus={() => setSelected(index)}
              sx={{ cursor: 'pointer' }}
            >
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
                {item.number}
              </TableCell>
              <TableCell>
                {item.patient ? (
                  fullName(item.patient)
                ) : (
                  <Typography variant="body2" color="text.secondary" component="span">
                    {t('applications.patientNotSynced')}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{t(`applications.channel.${item.channel}`)}</TableCell>
              <TableCell>
                {item.urgent && <Chip size="small" color="warning" label={t('applications.urgent')} />}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={statusColor[item.status]}
                  label={t(`applications.status.${item.status}`)}
                />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DueChip dueAt={item.dueAt} status={item.status} now={now} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
