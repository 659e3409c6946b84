import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { ContractApi } from '../../shared/api/facade';
import { ApiProvider } from '../api/api-context';
import { ReauthGate } from '../api/reauth-gate';
import { SessionGate } from './SessionGate';
import { SessionProvider } from './session';
import { theme } from './theme';

export function App({ api }: { api: ContractApi }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ApiProvider api={api}>
        <SessionProvider>
          <ReauthGate>
            <SessionGate />
          </ReauthGate>
        </SessionProvider>
      </ApiProvider>
    </ThemeProvider>
  );
}
