#!/usr/bin/env node
// The `medcard-server` command: the TypeScript CLI run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
