import { createTheme } from '@mui/material/styles';
import { buttonType, fontFamily, surfaces } from '../../shared/web/palette';

/**
 * Calm and high-contrast (UX.md): muted surfaces, one blue accent, every text colour at least
 * WCAG AA on its background, targets of 44 px or more for the desk's touch screen. Light and
 * dark follow the operating system.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'media' },
  colorSchemes: {
    light: {
      palette: { ...surfaces.light, primary: { main: '#0b5394', contrastText: '#ffffff' }, info: { main: '#0b5394' } },
    },
    dark: {
      palette: { ...surfaces.dark, primary: { main: '#9ccaff', contrastText: '#0a1e33' }, info: { main: '#9ccaff' } },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily,
    h1: { fontSize: '1.75rem', fontWeight: 500 },
    h2: { fontSize: '1.375rem', fontWeight: 500 },
    h3: { fontSize: '1.125rem', fontWeight: 500 },
    button: buttonType,
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
    // MUI's unselected toggle text (54 % black) falls under AA contrast on the desk's grey background.
    MuiToggleButton: { styleOverrides: { root: ({ theme }) => ({ color: theme.palette.text.primary }) } },
  },
});
