import { createTheme } from '@mui/material/styles';

/**
 * Calm and high-contrast (UX.md): muted surfaces, one blue accent, every text colour at least
 * WCAG AA on its background, targets of 44 px or more for the desk's touch screen. Light and
 * dark follow the operating system.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'media' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#0b5394', contrastText: '#ffffff' },
        secondary: { main: '#4a5a6a', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        warning: { main: '#8a5300' },
        success: { main: '#1e6b34' },
        info: { main: '#0b5394' },
        background: { default: '#f3f5f7', paper: '#ffffff' },
        text: { primary: '#1a1f24', secondary: '#47515c' },
        divider: '#c9d0d7',
      },
    },
    dark: {
      palette: {
        primary: { main: '#9ccaff', contrastText: '#0a1e33' },
        secondary: { main: '#b8c4d0', contrastText: '#14191e' },
        error: { main: '#ffb4ab' },
        warning: { main: '#ffcf8a' },
        success: { main: '#8fd6a0' },
        info: { main: '#9ccaff' },
        background: { default: '#121518', paper: '#1b1f24' },
        text: { primary: '#e9edf1', secondary: '#b4bec8' },
        divider: '#3a434c',
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'Roboto, "Segoe UI", Arial, sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 500 },
    h2: { fontSize: '1.375rem', fontWeight: 500 },
    h3: { fontSize: '1.125rem', fontWeight: 500 },
    button: { textTransform: 'none', fontWeight: 500, fontSize: '1rem' },
  },
  components: {
    MuiButton: {
      defaultProps: { disableElevation: true, size: 'large' },
      styleOverrides: { root: { minHeight: 44 } },
    },
    MuiListItemButton: { styleOverrides: { root: { minHeight: 48 } } },
    MuiTab: { styleOverrides: { root: { minHeight: 48, textTransform: 'none', fontSize: '1rem' } } },
    MuiTableRow: { styleOverrides: { root: { height: 48 } } },
    MuiFormHelperText: { styleOverrides: { root: { fontSize: '0.875rem' } } },
  },
});
