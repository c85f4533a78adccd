// Error taxonomy. A user-actionable error carries what was wrong, where, and what to do, and maps to an
// exit code; anything else is a bug (stack shown only under DEBUG).

export const EXIT = {
  OK: 0,
  /** A check ran and failed (findings at or above --fail-on). */
  CHECK_FAILED: 1,
  /** Usage or input error: bad flag, bad value, bad file. */
  USAGE: 2,
} as const

export class UserError extends Error {
  readonly exitCode: number
  /** Next steps shown under the message ("Try this:"). */
  readonly suggestions: string[]

  constructor(message: string, options: {exitCode?: number; suggestions?: string[]; cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'UserError'
    this.exitCode = options.exitCode ?? EXIT.USAGE
    this.suggestions = options.suggestions ?? []
  }
}

/**
 * A bad input value: names the flag (or file:line), what was expected, and an example.
 * Message shape: `--throughput: "50 MB" is a size, not a rate. Expected a rate such as "50 MB/s".`
 */
export class InputError extends UserError {
  readonly where: string

  constructor(where: string, problem: string, expected: string, example?: string) {
    const exampleText = example ? ` Example: ${where.startsWith('--') ? `${where} "${example}"` : example}` : ''
    super(`${where}: ${problem}. Expected ${expected}.${exampleText}`, {exitCode: EXIT.USAGE})
    this.name = 'InputError'
    this.where = where
  }
}
