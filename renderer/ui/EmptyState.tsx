import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Says what is (not) here and what to do next (UX.md); `action` is the next step's button. */
export function EmptyState({
  title,
  hint,
  action,
  headingLevel = 'h2',
}: {
  title: string;
  hint: string;
  action?: ReactNode;
  headingLevel?: 'h1' | 'h2' | 'h3';
}) {
  return (
    <Box sx={{ py: 6, px: 3, textAlign: 'center', maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h2" component={headingLevel} gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: action ? 3 : 0 }}>
        {hint}
      </Typography>
      {action}
    </Box>
  );
}
