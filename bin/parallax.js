#!/usr/bin/env node
// The command is compiled TypeScript: `npm ci` runs `prepare`, which builds dist/.
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`parallax annotate … | head`) closes the pipe: that is the reader's choice, not
// an error of ours, so the command ends quietly instead of printing a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
