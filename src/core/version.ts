import { readFileSync } from 'node:fs';

/** The tool version, read from package.json so manifests record exactly what drew a sample. */
function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const VERSION: string = readVersion();
