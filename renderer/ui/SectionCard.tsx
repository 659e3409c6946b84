import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode, type Ref } from 'react';

/**
 * A titled part of a screen: an outlined sheet that is also a named region, so a screen reader
 * can jump between the parts. `titleRef` lets the screen move focus to the title.
 */
export function SectionCard({
  title,
  titleRef,
  children,
}: {
  title: string;
  titleRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: 3, mb: 3 }}>
      <Typography
        variant="h2"
        id={titleId}
        ref={titleRef}
        tabIndex={titleRef ? -1 : undefined}
        sx={{ mb: 2, outline: 'none' }}
      >
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
