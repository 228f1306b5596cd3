// Where the starter outlet directory shipped with Parallax lives: data/outlets/allsides.yaml at the package
// root, which is two levels above this module both in src/outlets and in dist/src/outlets (three).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParallaxError } from '../errors.js';

const STARTER = join('data', 'outlets', 'allsides.yaml');

export function starterDirectoryPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, STARTER);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new ParallaxError(
    'CONFIG',
    `the starter outlet directory (${STARTER}) is missing from this installation`,
  );
}
