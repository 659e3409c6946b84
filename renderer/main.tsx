// Fonts ship with the app (the desk may be offline): Cyrillic and Latin, the weights in use.
import '@fontsource/roboto/cyrillic-400.css';
import '@fontsource/roboto/cyrillic-500.css';
import '@fontsource/roboto/cyrillic-700.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeHostSecret } from './api/host-secret';
import { selectApi } from './api/select-api';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';

// Before the hash router reads the location: the browser host's `#token=` is not a route.
const hostSecret = takeHostSecret();
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={selectApi(hostSecret)} />
  </StrictMode>,
);
