import { alpha, type Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';
import { pxPerMinute } from './calendar-model';

const hour = 60 * pxPerMinute;
const quarter = 15 * pxPerMinute;

/**
 * The calendar's one class sheet: every block, shade and line is a plain element with a class
 * from here, so a week of a thousand bookings makes one style rule set, not a thousand.
 */
export function calendarSheet(theme: Theme): SystemStyleObject<Theme> {
  const { palette } = theme;
  const line = palette.divider;
  return {
    position: 'relative',
    overflow: 'auto',
    maxHeight: 'calc(100vh - 250px)',
    minHeight: 320,
    border: `1px solid ${line}`,
    borderRadius: 1,
    bgcolor: 'background.paper',
    '& .cal-grid': { display: 'grid', position: 'relative' },
    '& .cal-corner, & .cal-head': {
      position: 'sticky',
      top: 0,
      zIndex: 3,
      bgcolor: 'background.paper',
      borderBottom: `1px solid ${line}`,
      minHeight: 48,
    },
    '& .cal-corner': { left: 0, zIndex: 4 },
    '& .cal-head': { px: 1, py: 0.5, borderLeft: `1px solid ${line}`, minWidth: 0 },
    '& .cal-gutter': {
      position: 'sticky',
      left: 0,
      zIndex: 2,
      bgcolor: 'background.paper',
      borderRight: `1px solid ${line}`,
    },
    '& .cal-hour': {
      position: 'absolute',
      right: 6,
      transform: 'translateY(-2px)',
      fontSize: 12,
      color: 'text.secondary',
      fontVariantNumeric: 'tabular-nums',
    },
    '& .cal-col': {
      position: 'relative',
      borderLeft: `1px solid ${line}`,
      backgroundImage: `repeating-linear-gradient(to bottom, ${line} 0 1px, transparent 1px ${hour}px),
        repeating-linear-gradient(to bottom, ${alpha(line, 0.35)} 0 1px, transparent 1px ${quarter}px)`,
    },
    '& .cal-off, & .cal-break': {
      position: 'absolute',
      left: 0,
      right: 0,
      fontSize: 12,
      px: 0.75,
      pt: 0.25,
      color: 'text.secondary',
      overflow: 'hidden',
      pointerEvents: 'none',
    },
    '& .cal-off': {
      backgroundColor: alpha(palette.text.primary, 0.06),
      backgroundImage: `repeating-linear-gradient(45deg, transparent 0 6px, ${alpha(palette.text.primary, 0.05)} 6px 12px)`,
    },
    '& .cal-break': { backgroundColor: alpha(palette.warning.main, 0.12) },
    '& .cal-block, & .cal-cursor, & .cal-ghost': {
      position: 'absolute',
      boxSizing: 'border-box',
      borderRadius: '4px',
      fontSize: 12,
      lineHeight: '13px',
      overflow: 'hidden',
      px: 0.5,
      py: '1px',
    },
    '& .cal-block': {
      zIndex: 1,
      cursor: 'grab',
      touchAction: 'none',
      userSelect: 'none',
      color: palette.text.primary,
      backgroundColor: alpha(palette.primary.main, 0.14),
      borderLeft: `3px solid ${palette.primary.main}`,
    },
    '& .cal-block-line': { display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
    '& .cal-block-strong': { fontWeight: 600 },
    '& .cal-block.is-requested': {
      backgroundColor: palette.background.paper,
      border: `1px dashed ${palette.primary.main}`,
      borderLeftWidth: 3,
    },
    '& .cal-block.is-refused': {
      backgroundColor: alpha(palette.error.main, 0.12),
      borderLeft: `3px solid ${palette.error.main}`,
      color: palette.error.dark,
    },
    '& .cal-block.is-arrived': {
      backgroundColor: alpha(palette.success.main, 0.16),
      borderLeft: `3px solid ${palette.success.main}`,
    },
    '& .cal-block.is-no_show, & .cal-block.is-cancelled, & .cal-block.is-moved': {
      backgroundColor: alpha(palette.text.primary, 0.08),
      borderLeft: `3px solid ${palette.text.secondary}`,
      color: palette.text.secondary,
    },
    '& .cal-block:focus-visible, & .cal-cursor:focus-visible, & .cal-block:focus, & .cal-cursor:focus': {
      outline: `3px solid ${palette.secondary.main}`,
      outlineOffset: 1,
      zIndex: 2,
    },
    '& .cal-cursor': {
      left: 2,
      right: 2,
      zIndex: 1,
      color: palette.primary.dark,
      backgroundColor: alpha(palette.primary.main, 0.06),
      cursor: 'pointer',
    },
    '& .cal-ghost': {
      left: 2,
      right: 2,
      zIndex: 3,
      pointerEvents: 'none',
      border: `2px dashed ${palette.secondary.main}`,
      backgroundColor: palette.background.paper,
      color: palette.text.primary,
      fontWeight: 600,
    },
  };
}
