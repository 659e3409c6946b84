import { createTheme } from '@mui/material/styles';
import { buttonType, fontFamily, surfaces } from '../../shared/web/palette';

/**
 * The cabinet's look: calm and high-contrast like the desk's (every text colour WCAG AA on its
 * background, targets of 44 px or more for a finger), light and dark. The scheme follows the
 * system until the patient picks one (a class on <html>, set by MUI: no inline script).
 */
export const cabinetTheme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: { ...surfaces.light, primary: { main: '#00676b', contrastText: '#ffffff' }, info: { main: '#00676b' } },
    },
    dark: {
      palette: { ...surfaces.dark, primary: { main: '#7fd3d6', contrastText: '#00292b' }, info: { main: '#7fd3d6' } },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily,
    h1: { fontSize: '1.5rem', fontWeight: 500 },
    h2: { fontSize: '1.25rem', fontWeight: 500 },
    h3: { fontSize: '1.0625rem', fontWeight: 500 },
    button: buttonType,
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
