// Runs the TypeScript sync worker without a build (browser host, tests): Node 20 does not apply
// an --import'ed loader to a worker's own entry file, so the worker registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker-main.ts', import.meta.url).href);
