import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ShownValue } from './record-labels';

/** One of the two values of a conflict: where it comes from, the value, who and when, the choice. */
export function ConflictSide({
  title,
  value,
  madeBy,
  action,
}: {
  title: string;
  value: ShownValue;
  madeBy: string;
  action: ReactNode;
}) {
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 1,
        p: 2,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.default',
        minWidth: 0,
      }}
    >
      <Typography component="h4" variant="body2" color="text.secondary" sx={{ fontWeight: 500 }}>
        {title}
      </Typography>
      <Typography
        sx={{
          fontSize: '1.375rem',
          overflowWrap: 'anywhere',
          fontStyle: value.missing ? 'italic' : 'normal',
          color: value.missing ? 'text.secondary' : 'text.primary',
        }}
      >
        {value.text}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
        {madeBy}
      </Typography>
      <Box sx={{ mt: 1 }}>{action}</Box>
    </Box>
  );
}
