import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { alpha } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { bodyRows } from './body-rows';

export interface ComparedVersion {
  heading: string;
  /** Who made or replaced it, when and why. */
  caption?: ReactNode;
  summary: string | null;
  body: Record<string, unknown>;
}

/**
 * Two versions of one entry side by side (D4): each field's old and new value in one row; the
 * rows that differ are marked in colour and in words ("изменено"), so the change is found at a glance.
 */
export function VersionCompare({
  kind,
  left,
  right,
  onlyChangedAtFirst = false,
}: {
  kind: ChartEntryKind;
  left: ComparedVersion;
  right: ComparedVersion;
  /** Start with the changed fields alone (a conflict: what differs is the point). */
  onlyChangedAtFirst?: boolean;
}) {
  const { t } = useTranslation();
  const [onlyChanged, setOnlyChanged] = useState(onlyChangedAtFirst);
  const leftRows = bodyRows(t, kind, left.body);
  const rightRows = bodyRows(t, kind, right.body);
  const fields = [...new Set([...leftRows, ...rightRows].map((row) => row.field))];
  const valueOf = (rows: typeof leftRows, field: string) => rows.find((row) => row.field === field);
  const rows = [
    ...(left.summary !== null || right.summary !== null
      ? [
          {
            field: 'summary',
            label: t('chart.entry.versions.summary'),
            left: left.summary ?? '',
            right: right.summary ?? '',
          },
        ]
      : []),
    ...fields.map((field) => {
      const l = valueOf(leftRows, field);
      const r = valueOf(rightRows, field);
      return { field, label: (l ?? r)!.label, left: l?.value ?? '', right: r?.value ?? '' };
    }),
  ];

  const shown = onlyChanged ? rows.filter((row) => row.left !== row.right) : rows;

  return (
    <>
      <FormControlLabel
        control={<Switch checked={onlyChanged} onChange={(_, checked) => setOnlyChanged(checked)} />}
        label={t('chart.entry.versions.onlyChanged')}
        sx={{ mb: 1 }}
      />
      <Table
        size="small"
        aria-label={t('chart.entry.versions.tableLabel', { left: left.heading, right: right.heading })}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '18%' }}>{t('chart.entry.versions.field')}</TableCell>
            {[left, right].map((version, index) => (
              <TableCell key={index} sx={{ width: '41%', verticalAlign: 'top' }}>
                <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>
                  {version.heading}
                </Typography>
                {version.caption && (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                    {version.caption}
                  </Typography>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => {
            const changed = row.left !== row.right;
            return (
              <TableRow
                key={row.field}
                sx={
                  changed
                    ? {
                        bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12),
                        '& > th': { borderLeft: 4, borderLeftColor: 'warning.main' },
                      }
                    : {}
                }
              >
                <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
                  {row.label}
                  {changed && (
                    <Box component="span" sx={{ display: 'block', fontSize: '0.75rem', fontWeight: 600 }}>
                      {t('chart.entry.versions.changed')}
                    </Box>
                  )}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>{row.left}</TableCell>
                <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>{row.right}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
