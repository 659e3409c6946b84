import type { ContractApi } from '../../shared/api/facade';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent when the browser host serves the renderer. */
    api?: ContractApi;
  }
}

export {};
