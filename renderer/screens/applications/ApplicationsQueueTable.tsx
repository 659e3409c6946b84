import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApplicationQueueItem } from '../../../shared/api/application-calls';
import { fullName } from '../../format/person-name';
import { DueChip } from './DueChip';
import { statusColor } from './status-color';
import { QueueTable, numberCellSx } from '../../ui/QueueTable';

const columns = ['number', 'patient', 'channel', 'urgent', 'status', 'due'] as const;

/**
 * The queue, keyboard-first: the rows are one tab stop; arrows move the selection, Enter (or a
 * click) opens the application.
 */
export function ApplicationsQueueTable({ items, now }: { items: readonly ApplicationQueueItem[]; now: Date }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const open = (item: ApplicationQueueItem) => void navigate(`/applications/${item.id}`);
  return (
    <QueueTable
      label={t('applications.tableLabel')}
      headers={columns.map((column) => t(`applications.columns.${column}`))}
      items={items}
      selected={selected}
      onSelect={setSelected}
      onOpen={open}
      cells={(item) => (
        <>
          <TableCell sx={numberCellSx}>{item.number}</TableCell>
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
          <TableCell>{item.urgent && <Chip size="small" color="warning" label={t('applications.urgent')} />}</TableCell>
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
        </>
      )}
    />
  );
}
