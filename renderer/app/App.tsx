import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { ContractApi } from '../../shared/api/facade';
import { ApiProvider } from '../api/api-context';
import { SearchProvider } from '../search/search-context';
import { SyncStatusProvider } from '../sync/sync-status-context';
import { createAppRouter } from './router';
import { SessionProvider } from './session';
import { theme } from './theme';

export function App({ api }: { api: ContractApi }) {
  const [router] = useState(createAppRouter);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ApiProvider api={api}>
        <SessionProvider>
          <SyncStatusProvider>
            <SearchProvider>
              <RouterProvider router={router} />
            </SearchProvider>
          </SyncStatusProvider>
        </SessionProvider>
      </ApiProvider>
    </ThemeProvider>
  );
}
