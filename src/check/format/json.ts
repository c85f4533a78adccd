// `--format json`: the stable contract (CheckResult) every other format renders.
import type {CheckResult} from '../types.js'

export function renderJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}
