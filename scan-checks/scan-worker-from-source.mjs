// Runs the TypeScript scan worker without a build (browser host, CLI, tests): Node 20 does not
// apply an --import'ed loader to a worker's own entry file, so the worker registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./scan-worker-main.ts', import.meta.url).href);
