// Searching a monotone test for its limit: the most load a cluster takes before some bound fails.

/**
 * Largest x at which the monotone test `ok` holds: 0 when it fails even at x = 1e-3, Infinity when it still
 * holds at 1e16 (absolute bounds, meant for bytes/s and for scale factors around 1). Loads are close to linear
 * in a rate or a scale factor, so the estimate brackets the answer within a factor of 2 almost always;
 * bisection then refines it to a relative 1e-5.
 */
export function largestPassing(ok: (x: number) => boolean, estimate: number): number {
  if (!Number.isFinite(estimate) || estimate <= 0) estimate = 1e6
  let lo = estimate / 2
  let hi = estimate * 2
  while (!ok(lo)) {
    hi = lo
    lo /= 4
    if (lo < 1e-3) return 0
  }
  while (ok(hi)) {
    lo = hi
    hi *= 4
    if (hi > 1e16) return Infinity
  }
  for (let i = 0; i < 60 && hi - lo > hi * 1e-5; i++) {
    const mid = (lo + hi) / 2
    if (ok(mid)) lo = mid
    else hi = mid
  }
  return lo
}
