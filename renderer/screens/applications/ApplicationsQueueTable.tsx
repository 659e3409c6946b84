import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApplicationQueueItem } from '../../../shared/api/application-calls';
import { fullName } from '../../format/person-name';
import { DueChip } from './DueChip';
import { statusColor } from './status-color';
import { useRowCursor } from '../../ui/use-row-cursor';

/**
 * The queue, keyboard-first: the rows are one tab stop; arrows move the selection, Enter (or a
 * click) opens the application.
 */
export function ApplicationsQueueTable({ items, now }: { items: readonly ApplicationQueueItem[]; now: Date }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [selected, setSelected] = useState(0);
  const open = (item: ApplicationQueueItem) => void navigate(`/applications/${item.id}`);
  const { onKeyDown, rowProps } = useRowCursor(items, selected, setSelected, open);

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
            <TableRow key={item.id} {...rowProps(index)} hover onClick={() => open(item)} sx={{ cursor: 'pointer' }}>
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
