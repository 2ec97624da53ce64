#!/usr/bin/env node
// Part of `npm run build`, after the compiler: each built-in standard (data/standards/<id>.yaml),
// parsed and validated by the compiled parseStandard, written as JSON beside the compiled code
// (dist/standards/<id>.json) with the SHA-256 of the YAML it was made from. A command reads the
// built-in standard from there (src/standard/load.ts) without loading the YAML parser and zod, and
// only while the digest matches the YAML as it is: an edited YAML is parsed again until the next build.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BUILTIN_STANDARDS,
  builtinStandardPath,
  prebuiltPath,
  standardDigest,
} from '../dist/standard/load.js';
import { parseStandard } from '../dist/standard/parse.js';

for (const id of BUILTIN_STANDARDS) {
  const text = readFileSync(builtinStandardPath(id), 'utf8');
  const standard = parseStandard(text, `${id} (built-in)`);
  const out = prebuiltPath(id);
  mkdirSync(dirname(out), { recursive: true });
  const json = `${JSON.stringify({ source_sha256: standardDigest(text), standard })}\n`;
  writeFileSync(`${out}.tmp`, json);
  renameSync(`${out}.tmp`, out);
}
