import type { EncodingChoice } from '../io/encoding.js';
import type { RosterInput } from '../roster/read-roster.js';
import { DEFAULT_SIZE, type SamplingDesign } from './design.js';

export type { SampleManifest } from './manifest-read.js';
import type { SampleManifest } from './manifest-read.js';

type ManifestParameters = SampleManifest['parameters'];

/** What a manifest records beside the design: the roster as read, and the households excluded. */
export interface DesignRecord {
  /** The stratum columns as resolved (canonical names) and the roster headers they were read from. */
  by: string[];
  stratumColumns: string[];
  exclude: ManifestParameters['exclude'];
  excludedIds: string[];
  encoding: EncodingChoice;
  input?: RosterInput;
}

/** A design as its manifest records it (the `parameters` block; key order is the file's). */
export function manifestParameters(design: SamplingDesign, record: DesignRecord): ManifestParameters {
  const input = record.input;
  return {
    by: record.by,
    stratum_columns: record.stratumColumns,
    method: design.method,
    size: design.total === undefined ? (design.size ?? DEFAULT_SIZE) : null,
    total: design.total ?? null,
    allocation: design.allocation,
    min_per_stratum: design.minPerStratum,
    reserve: design.reserve,
    order: design.order,
    only: design.only ? [...design.only] : null,
    priors: design.priors
      ? Object.fromEntries([...design.priors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : null,
    exclude: record.exclude,
    excluded_ids: record.excludedIds,
    encoding: record.encoding,
    ...(input && Object.keys(input).length
      ? {
          roster_input: {
            ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
            ...(input.delimiter !== undefined ? { delimiter: input.delimiter } : {}),
            ...(input.columns ? { columns: input.columns } : {}),
            ...(input.idFrom ? { id_from: input.idFrom } : {}),
            ...(input.fillDown ? { fill_down: input.fillDown } : {}),
          },
        }
      : {}),
  };
}

/** sample.csv, sample.xlsx → sample.manifest.json (one manifest for the list in any format). */
export function manifestPathFor(samplePath: string): string {
  return samplePath.replace(/(\.(csv|json|xlsx))?$/i, '.manifest.json');
}
