/**
 * The sampling design: what `sample` draws and `simulate` replays, recorded in the manifest and
 * re-drawn by `verify`. Free of file access and of the job modules, so schemas may import it.
 */

/** Rank order of households within a stratum before a systematic draw (and of reserves). */
export const DEFAULT_ORDER = ['grid', 'building', 'unit', 'floor', 'room'];
