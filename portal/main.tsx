// Fonts ship with the cabinet (no third-party origin under the CSP): Cyrillic and Latin, the weights in use.
import '@fontsource/roboto/cyrillic-400.css';
import '@fontsource/roboto/cyrillic-500.css';
import '@fontsource/roboto/cyrillic-700.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CabinetClient } from './api/cabinet-client';
import { App } from './app/App';
import { createCabinetI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={new CabinetClient()} i18n={createCabinetI18n()} />
  </StrictMode>,
);
