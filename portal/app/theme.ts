import { createTheme } from '@mui/material/styles';

/**
 * The cabinet's look: calm and high-contrast like the desk's (every text colour WCAG AA on its
 * background, targets of 44 px or more for a finger), light and dark. The scheme follows the
 * system until the patient picks one (a class on <html>, set by MUI: no inline script).
 */
export const cabinetTheme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#00676b', contrastText: '#ffffff' },
        secondary: { main: '#4a5a6a', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        warning: { main: '#8a5300' },
        success: { main: '#1e6b34' },
        info: { main: '#00676b' },
        background: { default: '#f3f5f7', paper: '#ffffff' },
        text: { primary: '#1a1f24', secondary: '#47515c' },
        divider: '#c9d0d7',
      },
    },
    dark: {
      palette: {
        primary: { main: '#7fd3d6', contrastText: '#00292b' },
        secondary: { main: '#b8c4d0', contrastText: '#14191e' },
        error: { main: '#ffb4ab' },
        warning: { main: '#ffcf8a' },
        success: { main: '#8fd6a0' },
        info: { main: '#7fd3d6' },
        background: { default: '#121518', paper: '#1b1f24' },
        text: { primary: '#e9edf1', secondary: '#b4bec8' },
        divider: '#3a434c',
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'Roboto, "Segoe UI", Arial, sans-serif',
    h1: { fontSize: '1.5rem', fontWeight: 500 },
    h2: { fontSize: '1.25rem', fontWeight: 500 },
    h3: { fontSize: '1.0625rem', fontWeight: 500 },
    button: { textTransform: 'none', fontWeight: 500, fontSize: '1rem' },
  },
  components: {
    MuiButton: {
      defaultProps: { disableElevation: true, size: 'large' },
      styleOverrides: { root: { minHeight: 44 } },
    },
    MuiIconButton: { styleOverrides: { root: { minWidth: 44, minHeight: 44 } } },
    MuiListItemButton: { styleOverrides: { root: { minHeight: 48 } } },
    MuiBottomNavigationAction: { styleOverrides: { root: { minWidth: 64, paddingLeft: 4, paddingRight: 4 } } },
    MuiFormHelperText: { styleOverrides: { root: { fontSize: '0.875rem' } } },
  },
});
