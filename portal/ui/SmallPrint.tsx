import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The code of a problem, for support: small and quiet beside the words. */
export function SmallPrint({ children }: { children: ReactNode }) {
  return (
    <Typography component="span" variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
      {children}
    </Typography>
  );
}
