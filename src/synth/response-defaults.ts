/**
 * The synthetic fieldwork's defaults, in a module of their own so that `hhsurvey synth responses
 * --help` can show them without loading the generator (and the standard's schemas).
 */

/** Recorded in every artifact made by the generator; change it when its output changes. */
export const SYNTH_RESPONSES_ALGORITHM = 'hhsurvey-synth-responses/1';

export const DEFAULT_RESPONSE_RATE = 0.8;
