#!/usr/bin/env node
// The bare read floor of the sampling benchmark: read a CSV file and split every record into
// fields, doing nothing else. Two floors: `lines` (readline and String.split, the usual JavaScript
// way, fields as strings) and `bytes` (1 MiB reads and a byte loop finding commas and line ends,
// fields as byte ranges, which is how hhsurvey's scanner works). Quotes are ignored: a floor, not a
// parser. Prints the number of records and fields so that the work cannot be optimised away.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [mode, file] = process.argv.slice(2);
let records = 0;
let fields = 0;
if (mode === 'lines') {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) {
    records++;
    fields += line.split(',').length;
  }
} else if (mode === 'bytes') {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  const starts = new Int32Array(64);
  let f = 0;
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, null);
    if (got === 0) break;
    for (let i = 0; i < got; i++) {
      const c = buf[i];
      if (c === 0x2c) starts[(f = (f + 1) & 63)] = i + 1;
      else if (c === 0x0a) {
        records++;
        fields += f + 1;
        f = 0;
      }
    }
  }
  closeSync(fd);
} else throw new Error('usage: bench-floor.mjs lines|bytes FILE');
process.stdout.write(`${records} records, ${fields} fields\n`);
