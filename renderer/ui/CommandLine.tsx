import Box from '@mui/material/Box';

/**
 * A command to type in a terminal, as it must be typed: monospace, selectable, never wrapped.
 * Focusable, so a long one can be scrolled sideways from the keyboard.
 */
export function CommandLine({ command }: { command: string }) {
  return (
    <Box
      component="pre"
      tabIndex={0}
      sx={{
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', outlineOffset: 2 },
        m: 0,
        mt: 1,
        px: 2,
        py: 1.5,
        overflowX: 'auto',
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.default',
        fontFamily: '"Roboto Mono", Consolas, "DejaVu Sans Mono", monospace',
        fontSize: '0.9375rem',
      }}
    >
      <code>{command}</code>
    </Box>
  );
}
