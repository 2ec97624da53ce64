/** The formats of `compare`: what its options and help need, without the renderer. */
export const COMPARE_FORMATS = ['table', 'json', 'md'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
