// Recommended settings as copy-paste blocks: `key=value` lines, each under its trade-off as comments.
// Topic, producer, consumer and broker settings read as .properties; OS settings as sysctl.conf lines and
// the systemd LimitNOFILE line. Values that are not settings (an environment variable, a RAM target) are
// comments, so that a pasted block never sets something that does not exist.
import {hashComment} from '../emit/common.js'
import type {Recommendation} from '../model/types.js'
import type {ReportConfigBlock} from './types.js'

const PROPERTY_KEY = /^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/
const SYSCTL_KEY = /^(vm|net|fs|kernel)\.[a-z0-9_.]+$/

function settable(scope: Recommendation['scope'], key: string): boolean {
  if (scope === 'os') return SYSCTL_KEY.test(key) || key === 'LimitNOFILE'
  return PROPERTY_KEY.test(key) && key !== 'page-cache-bytes'
}

export function configBlock(scope: ReportConfigBlock['scope'], recs: readonly Recommendation[]): ReportConfigBlock {
  const mine = recs.filter((r) => r.scope === scope)
  const lines: string[] = []
  for (const r of mine) {
    if (lines.length > 0) lines.push('')
    lines.push(...hashComment(r.why, '', 100))
    lines.push(settable(scope, r.key) ? `${r.key}=${r.value}` : `# ${r.key}: ${r.value}`)
  }
  return {scope, settings: mine.map(({key, value, why}) => ({key, value, why})), text: lines.join('\n')}
}
