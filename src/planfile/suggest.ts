// "Did you mean" for plan files: the closest known key or value to what was written.
import {suggestNames} from '../catalogue/index.js'

/** Lower case without "-", "_", "." and spaces: "replication-factor", "replication.factor" → "replicationfactor". */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '')
}

/**
 * The known name closest to `name`, if one is close: exact after normalising (kebab-case, snake_case,
 * Kafka's dotted config names), then within the catalogue's edit-distance rule.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const wanted = normalise(name)
  if (wanted === '') return undefined
  const exact = known.find((k) => normalise(k) === wanted)
  if (exact !== undefined) return exact
  // Kafka config names with a unit suffix: "retention.ms" → retention, "linger.ms" → linger.
  const unsuffixed = wanted.replace(/(ms|bytes)$/, '')
  const bySuffix = known.find((k) => normalise(k) === unsuffixed)
  if (bySuffix !== undefined && unsuffixed !== '') return bySuffix
  const normalised = known.map(normalise)
  const [best] = suggestNames(wanted, normalised, 1)
  return best === undefined ? undefined : known[normalised.indexOf(best)]
}

/** ' (did you mean "x"?)', or ''. */
export function didYouMean(name: string, known: readonly string[]): string {
  const best = closest(name, known)
  return best === undefined ? '' : `; did you mean "${best}"?`
}
