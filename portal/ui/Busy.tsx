import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

/** Long work in progress, saying what is happening. */
export function Busy({ label }: { label: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ my: 2 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {label}
      </Typography>
      <LinearProgress aria-label={label} />
    </Box>
  );
}
