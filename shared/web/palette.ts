/**
 * The product's colours but the accent, for the desk and the cabinet alike: calm, high-contrast
 * surfaces where every text colour is at least WCAG AA on its background (UX.md), light and dark.
 * Each face adds its own accent (`primary`, `info`).
 */
export const surfaces = {
  light: {
    secondary: { main: '#4a5a6a', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#1e6b34' },
    background: { default: '#f3f5f7', paper: '#ffffff' },
    text: { primary: '#1a1f24', secondary: '#47515c' },
    divider: '#c9d0d7',
  },
  dark: {
    secondary: { main: '#b8c4d0', contrastText: '#14191e' },
    error: { main: '#ffb4ab' },
    warning: { main: '#ffcf8a' },
    success: { main: '#8fd6a0' },
    background: { default: '#121518', paper: '#1b1f24' },
    text: { primary: '#e9edf1', secondary: '#b4bec8' },
    divider: '#3a434c',
  },
} as const;

/** The shapes and type both faces share; headings are sized by each. */
export const fontFamily = 'Roboto, "Segoe UI", Arial, sans-serif';
export const buttonType = { textTransform: 'none', fontWeight: 500, fontSize: '1rem' } as const;
