import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { t } from '../core/messages.js';
import type { EncodingChoice } from '../io/encoding.js';
import { readUtf8File } from '../io/inputs.js';
import { scopeLang, shownPath } from '../io/run-scope.js';
import { parseJsonFile } from '../io/schema-file.js';
import type { RosterInput } from '../roster/read-roster.js';
import type { SamplingDesign } from './design.js';
import { mm } from './manifest.messages.js';

/**
 * Reading a sample's manifest back (verify): the schema that checks it, and the design it records.
 * Apart from the writer (manifest.ts) so that drawing a sample does not load the schema library.
 */

/** The manifest beside a sample list: everything needed to re-create and audit the draw. */
export const manifestSchema = z.object({
  tool: z.literal('hhsurvey'),
  version: z.string(),
  algorithm: z.string(),
  rng: z.string(),
  seed: z.string(),
  created_at: z.string(),
  parameters: z.object({
    by: z.array(z.string()),
    /** The roster headers the strata were read from (manifests before 0.1 lack it). */
    stratum_columns: z.array(z.string()).optional(),
    method: z.enum(['random', 'systematic']),
    size: z.number().int().nullable(),
    total: z.number().int().nullable(),
    allocation: z.enum(['proportional', 'equal', 'neyman']),
    min_per_stratum: z.number().int(),
    reserve: z.number().int(),
    order: z.array(z.string()),
    only: z.array(z.string()).nullable(),
    priors: z.record(z.string(), z.number()).nullable(),
    exclude: z.array(z.object({ file: z.string(), sha256: z.string(), households: z.number().int() })),
    excluded_ids: z.array(z.string()),
    encoding: z.enum(['auto', 'utf8', 'gb18030']),
    /** How the roster was read (sheet, separator, column names, built ids, filled-down columns). */
    roster_input: z
      .object({
        sheet: z.string().optional(),
        delimiter: z.enum([',', '\t', ';', 'auto']).optional(),
        columns: z.record(z.string(), z.string()).optional(),
        id_from: z.array(z.string()).optional(),
        fill_down: z.array(z.string()).optional(),
      })
      .optional(),
  }),
  roster: z.object({
    file: z.string(),
    sha256: z.string(),
    bytes: z.number().int(),
    households: z.number().int(),
    encoding: z.enum(['utf8', 'gb18030']),
    format: z.enum(['csv', 'xlsx']).optional(),
    sheet: z.string().optional(),
  }),
  strata: z.array(
    z.object({
      stratum: z.string(),
      population: z.number().int(),
      excluded: z.number().int(),
      eligible: z.number().int(),
      sample: z.number().int(),
      reserves: z.number().int(),
      takes_all: z.boolean(),
    }),
  ),
  sample: z.object({ file: z.string(), households: z.number().int(), digest: z.string() }),
});

export type SampleManifest = z.infer<typeof manifestSchema>;

/** The design a manifest records, with the roster input and the excluded ids: what verify re-draws. */
export function designFromManifest(m: SampleManifest): {
  design: SamplingDesign;
  excludeIds: string[];
  encoding: EncodingChoice;
  input: RosterInput;
} {
  const p = m.parameters;
  const r = p.roster_input;
  return {
    design: {
      by: p.by,
      method: p.method,
      ...(p.size !== null ? { size: p.size } : {}),
      ...(p.total !== null ? { total: p.total } : {}),
      allocation: p.allocation,
      minPerStratum: p.min_per_stratum,
      reserve: p.reserve,
      order: p.order,
      ...(p.only !== null ? { only: p.only } : {}),
      seed: m.seed,
      ...(p.priors !== null ? { priors: new Map(Object.entries(p.priors)) } : {}),
    },
    excludeIds: p.excluded_ids,
    encoding: p.encoding,
    input: r
      ? {
          ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
          ...(r.delimiter !== undefined ? { delimiter: r.delimiter } : {}),
          ...(r.columns ? { columns: r.columns } : {}),
          ...(r.id_from ? { idFrom: r.id_from } : {}),
          ...(r.fill_down ? { fillDown: r.fill_down } : {}),
        }
      : {},
  };
}

export function readManifest(path: string): SampleManifest {
  const label = shownPath(path);
  if (!existsSync(path)) throw new UserError(t(scopeLang(), mm.noManifest, { file: label }));
  return parseJsonFile(readUtf8File(path, label), label, {
    schema: manifestSchema,
    problems: (file, n) => t(scopeLang(), mm.notManifest, { file, n }),
  });
}
