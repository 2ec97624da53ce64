import type { DispositionToken, ResponseRates } from './inputs.js';

/**
 * AAPOR RR1 and COOP1 on the original (primary) sample from final dispositions:
 * RR1 = I / ((I+P) + (R+NC+O) + (UH+UO)), COOP1 = I / ((I+P) + R + O). Not-eligible cases (4.x)
 * leave the denominators; households not yet visited are left out (the rate so far).
 */
export function computeResponseRates(primaries: readonly (DispositionToken | undefined)[]): ResponseRates {
  let i = 0;
  let p = 0;
  let r = 0;
  let nc = 0;
  let o = 0;
  let u = 0;
  for (const d of primaries) {
    switch (d) {
      case 'complete':
        i++;
        break;
      case 'partial':
        p++;
        break;
      case 'refused':
      case 'break_off':
        r++;
        break;
      case 'not_home':
        nc++;
        break;
      case 'unable':
      case 'language':
        o++;
        break;
      case 'not_found':
        u++;
        break;
      default:
        break;
    }
  }
  const rrDen = i + p + r + nc + o + u;
  const coopDen = i + p + r + o;
  return { rr1: rrDen > 0 ? i / rrDen : null, coop1: coopDen > 0 ? i / coopDen : null };
}
