/**
 * seedrandom's xor4096 generator on its own: the package's index loads all eight of its
 * generators, and hhsurvey uses only this one.
 */
declare module 'seedrandom/lib/xor4096.js' {
  import type seedrandom from 'seedrandom';
  const xor4096: (typeof seedrandom)['xor4096'];
  export default xor4096;
}
