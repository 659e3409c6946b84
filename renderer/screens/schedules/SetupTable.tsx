import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SetupRow {
  id: string;
  /** What the row is called (the buttons' accessible names say it). */
  name: string;
  cells: readonly ReactNode[];
  muted?: boolean;
}

/** One part of the schedule as a table: a row per item, «Изменить» (and «Удалить») at its end. */
export function SetupTable({
  label,
  columns,
  rows,
  onEdit,
  onRemove,
}: {
  label: string;
  columns: readonly string[];
  rows: readonly SetupRow[];
  onEdit(id: string): void;
  onRemove?(id: string): void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography color="text.secondary">{t('schedules.empty')}</Typography>;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <TableCell key={column}>{column}</TableCell>
          ))}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} sx={row.muted ? { '& td': { color: 'text.secondary' } } : undefined}>
            {row.cells.map((cell, index) => (
              <TableCell key={index}>{cell}</TableCell>
            ))}
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              <Button size="small" onClick={() => onEdit(row.id)} aria-label={`${t('schedules.edit')}: ${row.name}`}>
                {t('schedules.edit')}
              </Button>
              {onRemove && (
                <Button
                  size="small"
                  color="error"
                  onClick={() => onRemove(row.id)}
                  aria-label={`${t('schedules.remove')}: ${row.name}`}
                >
                  {t('schedules.remove')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
