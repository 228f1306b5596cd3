#!/usr/bin/env node
// The command is compiled TypeScript: `npm ci` runs `prepare`, which builds dist/.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
