import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/api/facade';
import { apiChannel } from './ipc/api-channel';

// The renderer gets exactly the contract's calls as `window.api`, and nothing of IPC itself.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((name, input) => ipcRenderer.invoke(apiChannel(name), input)),
);
