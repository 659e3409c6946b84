import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One screen's card: its heading (the page's h1) and its content, stacked. */
export function Page({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="page-title"
      sx={{ p: { xs: 2, sm: 3 }, width: '100%', maxWidth: wide ? 960 : 560, mx: 'auto' }}
    >
      <Stack spacing={2}>
        <Typography id="page-title" variant="h1" component="h1">
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  );
}
