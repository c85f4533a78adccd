// The project base command: --json envelope, --no-color, exit codes, and error rendering.
// Every kafka-sizer command extends it.
import {Command, Flags, type Interfaces} from '@oclif/core'
import {EXIT, UserError} from './errors.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/** An unexpected failure: a bug in kafka-sizer, not in the user's input (BSD sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static enableJsonFlag = true

  static baseFlags = {
    color: Flags.boolean({
      allowNo: true,
      default: true,
      helpGroup: 'GLOBAL',
      description: 'Colour the output. Also off with NO_COLOR, TERM=dumb, --json, or when stdout is not a terminal.',
    }),
  }

  protected flags!: BaseFlags<T>

  public override async init(): Promise<void> {
    await super.init()
    const {flags} = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
  }

  /** Data goes to stdout; this is for diagnostics, which go to stderr and never into --json output. */
  protected note(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${message}\n`)
  }

  // oclif drops custom exit codes under --json, wraps flag-parser errors, and prints stacks for plain
  // Errors: map every error to one exit code and one message here (style.md §1.4).
  protected async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}; code?: string}): Promise<unknown> {
    if (err.code === 'EEXIT') throw err
    const debug = Boolean(process.env.DEBUG)
    const {message, exitCode, suggestions} = describeError(err, debug)
    process.exitCode = exitCode
    if (this.jsonEnabled()) {
      this.logJson({error: {message, exitCode, suggestions, ...(debug ? {stack: err.stack} : {})}})
      return undefined
    }
    if (debug && !(err instanceof UserError)) process.stderr.write(`${err.stack ?? ''}\n`)
    const {errorStyle} = await import('../render/style.js')
    const tries = suggestions.map((s) => `  ${errorStyle.dim('Try this:')} ${s}\n`).join('')
    process.stderr.write(`${errorStyle.bad('Error:')} ${message}\n${tries}`)
    // The message is printed: leave with the code and nothing more (oclif prints nothing for an exit error).
    return this.exit(exitCode)
  }
}

/** One line of message, the exit code and next steps for any error. */
export function describeError(err: Error & {oclif?: {exit?: number}}, debug: boolean): {message: string; exitCode: number; suggestions: string[]} {
  if (err instanceof UserError) {
    // oclif wraps errors thrown by a flag's parse function: "Parsing --flag \n\t<message>\nSee more help with --help".
    const message = err.message.replace(/^Parsing --\S+ \n\t/, '').replace(/\nSee more help with --help$/, '')
    return {message, exitCode: err.exitCode, suggestions: err.suggestions}
  }
  if (err.oclif?.exit !== undefined) {
    // oclif's own parse errors (unknown flag, bad option value): usage errors.
    const message = err.message.replace(/\nSee more help with --help$/, '')
    return {message, exitCode: EXIT.USAGE, suggestions: ['see the flags and examples with --help']}
  }
  return {
    message: `internal error: ${err.message}`,
    exitCode: EXIT_INTERNAL,
    suggestions: debug ? [] : ['run again with DEBUG=1 to see the stack, and report it with the command you ran'],
  }
}
