// The broker-scope recommendations as server.properties lines, each under its reason. Settings that are not
// broker properties (the heap, an environment variable; the OS settings) are listed as comments.
import type {PlanResult} from '../services/plan.js'
import {type Artefact, type EmitOptions, hashComment, planSummary, recommendations} from './common.js'

/** A broker property key: lowercase dotted words (KAFKA_HEAP_OPTS is an environment variable). */
const PROPERTY_KEY = /^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/

/**
 * java.util.Properties escaping for a key or value: backslash, and in keys the separators = : and
 * whitespace; a value's leading space; # and ! at the start; characters outside ASCII as \uXXXX
 * (Kafka loads server.properties as ISO-8859-1).
 */
export function propertiesEscape(text: string, isKey: boolean): string {
  let out = ''
  // UTF-16 code units, as Java escapes them (a character outside the BMP becomes two \uXXXX).
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    const code = text.charCodeAt(i)
    if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if ((isKey && (ch === '=' || ch === ':' || ch === ' ')) || (i === 0 && (ch === ' ' || ch === '#' || ch === '!'))) out += `\\${ch}`
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out
}

export function renderServerProperties(plan: PlanResult, options: EmitOptions): Artefact {
  const broker = recommendations(plan, 'broker')
  const properties = broker.filter((r) => PROPERTY_KEY.test(r.key))
  const environment = broker.filter((r) => !PROPERTY_KEY.test(r.key))
  const os = recommendations(plan, 'os')

  const lines: string[] = [
    '# Broker settings (server.properties) recommended by kafka-sizer plan.',
    ...hashComment(planSummary(plan, options.topic)),
    '# Merge into each broker\'s server.properties (or apply cluster-wide defaults with',
    '# kafka-configs.sh --alter --entity-type brokers --entity-default where Kafka allows it).',
  ]
  for (const r of properties) {
    lines.push('', ...hashComment(r.why), `${propertiesEscape(r.key, true)}=${propertiesEscape(r.value, false)}`)
  }
  if (environment.length > 0) {
    lines.push('', '# ---- Not broker properties: the broker process environment ----')
    for (const r of environment) {
      lines.push('#', ...hashComment(r.why), `#   ${r.key}="${r.value}"`)
    }
  }
  if (os.length > 0) {
    lines.push('', '# ---- Not broker properties: the broker hosts (sysctl, systemd, memory, file system) ----')
    for (const r of os) {
      lines.push('#', ...hashComment(r.why), `#   ${r.key} = ${r.value}`)
    }
  }
  lines.push('')
  return {filename: 'server.properties', content: lines.join('\n')}
}
