import Paper from '@mui/material/Paper';
import type { SxProps, Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { useRowCursor } from './use-row-cursor';

/** A queue's number column: the digits line up. */
export const numberCellSx = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 500 } as const;

/**
 * A work queue, keyboard-first (UX.md): the rows are one tab stop; arrows move the selection,
 * Enter (or a click) opens the item. The caller gives the headers, each row's cells (`cells`, as
 * many as the headers) and may mark a row (`rowSx`: an overdue bar).
 */
export function QueueTable<T extends { id: string }>({
  label,
  headers,
  items,
  selected,
  onSelect,
  onOpen,
  cells,
  rowSx,
}: {
  label: string;
  headers: readonly string[];
  items: readonly T[];
  selected: number;
  onSelect(index: number): void;
  onOpen(item: T): void;
  cells(item: T): ReactNode;
  rowSx?: (item: T) => SxProps<Theme>;
}) {
  const { onKeyDown, rowProps } = useRowCursor(items, selected, onSelect, onOpen);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={label} onKeyDown={onKeyDown} size="small">
        <TableHead>
          <TableRow>
            {headers.map((header) => (
              <TableCell key={header}>{header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, index) => (
            <TableRow
              key={item.id}
              {...rowProps(index)}
              hover
              onClick={() => {
                onSelect(index);
                onOpen(item);
              }}
              sx={[{ cursor: 'pointer' }, ...(rowSx ? [rowSx(item)] : [])] as SxProps<Theme>}
            >
              {cells(item)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
