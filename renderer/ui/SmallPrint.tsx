import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A code or id for support, under the words staff read: small, muted, monospace. */
export function SmallPrint({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75em', fontFamily: 'monospace' }}
    >
      {children}
    </Box>
  );
}
