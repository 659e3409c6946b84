import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * The consent text's Markdown, as the file has it: `#`/`##` headings, paragraphs and `- ` lists
 * (nothing else is used, so no Markdown library and no HTML). A scrollable region the keyboard
 * reaches (Tab, then the arrows).
 */
export function ConsentTextView({ body, label }: { body: string; label: string }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    blocks.push(
      <Box component="ul" key={`list-${blocks.length}`} sx={{ mt: 0, pl: 3 }}>
        {items.map((item, index) => (
          <Typography component="li" variant="body2" key={index}>
            {item}
          </Typography>
        ))}
      </Box>,
    );
    items = [];
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    flush();
    if (line.startsWith('## ')) {
      blocks.push(
        <Typography variant="subtitle1" component="h4" key={blocks.length} sx={{ fontWeight: 600, mt: 2 }}>
          {line.slice(3)}
        </Typography>,
      );
    } else if (line.startsWith('# ')) {
      blocks.push(
        <Typography variant="h6" component="h3" key={blocks.length}>
          {line.slice(2)}
        </Typography>,
      );
    } else if (line.trim() !== '') {
      blocks.push(
        <Typography variant="body2" component="p" key={blocks.length} sx={{ mb: 1.5 }}>
          {line}
        </Typography>,
      );
    }
  }
  flush();
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      sx={{
        maxHeight: 280,
        overflowY: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 2,
        bgcolor: 'background.default',
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
      }}
    >
      {blocks}
    </Box>
  );
}
