import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../ui/SectionCard';
import { visuallyHidden } from '../../../ui/visually-hidden';

export interface ReportTable {
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly string[] }[];
}

/**
 * A chart of the report with its figures as a table for screen readers: the picture is hidden
 * from them (an SVG of bars says nothing read aloud), the table is hidden from the eye.
 */
export function ChartWithTable({
  title,
  hint,
  table,
  children,
}: {
  title: string;
  hint?: string;
  table: ReportTable;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard title={title}>
      {hint && (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {hint}
        </Typography>
      )}
      <Box aria-hidden="true">{children}</Box>
      <Table size="small" sx={visuallyHidden}>
        <caption>{t('reports.tableOf', { title })}</caption>
        <TableHead>
          <TableRow>
            {table.columns.map((column) => (
              <TableCell key={column} component="th" scope="col">
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <TableCell key={index} component="th" scope="row">
                    {cell}
                  </TableCell>
                ) : (
                  <TableCell key={index}>{cell}</TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </SectionCard>
  );
}
