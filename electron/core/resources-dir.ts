import { fileURLToPath } from 'node:url';

/**
 * The program's own files (the consent texts…) where the code runs from the source tree or its
 * bundle: both electron/core/ and dist/electron/ sit two folders below the root. The packaged
 * app passes its `process.resourcesPath` instead (electron-builder.yml: extraResources).
 */
export const sourceResourcesDir: string = fileURLToPath(new URL('../../resources', import.meta.url));
