import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export interface FieldListItem {
  label: string;
  value: string;
  /** Shown muted: the value is absent and the text says so. */
  missing?: boolean;
}

/** Label–value pairs as a definition list, laid out in two columns. */
export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(12rem, max-content) 1fr' },
        columnGap: 4,
        rowGap: 1.5,
        m: 0,
      }}
    >
      {items.map((item) => (
        <Box key={item.label} sx={{ display: 'contents' }}>
          <Typography component="dt" color="text.secondary">
            {item.label}
          </Typography>
          <Typography
            component="dd"
            sx={{
              m: 0,
              fontStyle: item.missing ? 'italic' : 'normal',
              color: item.missing ? 'text.secondary' : 'text.primary',
            }}
          >
            {item.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
