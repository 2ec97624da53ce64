import type { AllocationMethod } from './allocate.js';

/**
 * The sampling design: what `sample` draws, `simulate --roster` and `drill` replay, the manifest
 * records and `verify` re-draws. One type for all of them (the draw's parameters are this design);
 * the manifest's `parameters` block is written and read by the pair in manifest.ts.
 * Free of file access and of the job modules, so schemas may import it.
 */

export type SampleMethod = 'random' | 'systematic';

export interface SamplingDesign {
  /** Stratum columns; by default sub-district and community (see defaultStratumColumns). */
  by?: string[];
  method: SampleMethod;
  /** Fixed size per stratum (DEFAULT_SIZE when neither this nor total is given), or a total to allocate. */
  size?: number;
  total?: number;
  allocation: AllocationMethod;
  minPerStratum: number;
  reserve: number;
  /** Rank order of households within a stratum (the walking route; the sort of a systematic draw). */
  order: string[];
  /** Limit to these strata (matched against the key or its last value). */
  only?: readonly string[];
  seed: string;
  /** Prior rates by stratum key, for Neyman allocation. */
  priors?: ReadonlyMap<string, number>;
}

/** Rank order of households within a stratum before a systematic draw (and of reserves). */
export const DEFAULT_ORDER = ['grid', 'building', 'unit', 'floor', 'room'];

/** Households per stratum when a design gives neither a size nor a total. */
export const DEFAULT_SIZE = 22;
