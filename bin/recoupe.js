#!/usr/bin/env node
/**
 * The `recoupe` command (package.json `bin`): runs the TypeScript CLI (src/entry/cli.ts) through tsx,
 * so no build step is needed. tsx is registered from this file, not from the working directory,
 * so the launcher works wherever it is started (`--data DIR` or `DATA_DIR` then says where the
 * articles are). Nothing is printed besides what the CLI prints: `--json` can be piped.
 */
import { register } from 'tsx/esm/api';

register();
await import('../src/entry/cli.ts');
