import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { CabinetClient } from '../api/cabinet-client';
import { SessionProvider } from '../api/session';
import { cabinetRouter } from './router';
import { cabinetTheme } from './theme';

export function App({ client, i18n }: { client: CabinetClient; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={cabinetTheme} defaultMode="system">
        <CssBaseline />
        <SessionProvider client={client}>
          <RouterProvider router={cabinetRouter} />
        </SessionProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}
