#!/usr/bin/env node
// The `medcard` command: the TypeScript CLI run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
