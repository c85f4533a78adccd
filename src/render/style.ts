// Colour and table primitives. Colour follows chalk's detection, which bin/run.js forces off for
// NO_COLOR, --no-color, --json and TERM=dumb; tables never add colour of their own.
import chalk, {chalkStderr} from 'chalk'
import Table from 'cli-table3'

export const style = {
  title: (s: string) => chalk.bold(s),
  heading: (s: string) => chalk.bold.underline(s),
  strong: (s: string) => chalk.bold(s),
  dim: (s: string) => chalk.dim(s),
  good: (s: string) => chalk.green(s),
  warn: (s: string) => chalk.yellow(s),
  bad: (s: string) => chalk.red(s),
}

/** Colours for stderr, detected on stderr's own terminal. */
export const errorStyle = {
  bad: (s: string) => chalkStderr.red(s),
  dim: (s: string) => chalkStderr.dim(s),
}

export function terminalWidth(): number {
  return Math.max(60, Math.min(process.stdout.columns ?? 110, 160))
}

export interface TableOptions {
  head: string[]
  /** Relative column widths; the last flexible column wraps. */
  widths?: number[]
  align?: Array<'left' | 'right' | 'center'>
}

export function table(options: TableOptions, rows: string[][]): string {
  const width = terminalWidth()
  const colWidths = options.widths
    ? options.widths.map((w) => Math.max(6, Math.floor((w / options.widths!.reduce((a, b) => a + b, 0)) * (width - options.widths!.length - 1))))
    : undefined
  const t = new Table({
    head: options.head.map((h) => chalk.bold(h)),
    style: {head: [], border: [], compact: false},
    wordWrap: true,
    wrapOnWordBoundary: true,
    ...(colWidths ? {colWidths} : {}),
    ...(options.align ? {colAligns: options.align} : {}),
  })
  for (const r of rows) t.push(r)
  return t.toString()
}

/** Word-wraps plain text to the terminal width, every line indented. */
export function wrap(text: string, indent: number, width = terminalWidth()): string {
  const pad = ' '.repeat(indent)
  const room = Math.max(20, width - indent)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > room) {
      lines.push(pad + line)
      line = word
    } else line = line.length > 0 ? `${line} ${word}` : word
  }
  if (line.length > 0) lines.push(pad + line)
  return lines.join('\n')
}

/** Utilisation coloured against its limit: green below 75% of the limit, yellow up to it, red above. */
export function utilization(fraction: number, limit: number, text: string): string {
  if (!Number.isFinite(fraction) || fraction > limit + 1e-9) return style.bad(text)
  if (fraction > limit * 0.75) return style.warn(text)
  return style.good(text)
}
