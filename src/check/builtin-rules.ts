// Rules the check service itself reports (not src/check/rules/): problems with the inputs and with suppressions.
// They are documented by --list-rules and in SARIF rule metadata next to the real rules.
import type {RuleMeta} from './types.js'

export const SUPPRESSION_WITHOUT_REASON = 'KT000'
export const INPUT_PROBLEM = 'KT900'

export const BUILTIN_RULES: RuleMeta[] = [
  {
    id: SUPPRESSION_WITHOUT_REASON,
    name: 'suppression-without-reason',
    title: 'Inline suppression without a reason',
    section: 'check',
    defaultSeverity: 'warning',
    needs: ['spec'],
    description:
      'An inline suppression on a topic must say why the finding is acceptable. A suppression without a reason does not suppress anything: the finding it names is still reported, and this finding points at the suppression.',
  },
  {
    id: INPUT_PROBLEM,
    name: 'input-problem',
    title: 'Input file could not be read or understood',
    section: 'check',
    defaultSeverity: 'error',
    needs: ['spec'],
    description:
      'A file given to check could not be read or parsed: malformed YAML or JSON, an unknown format, a binary or empty file, a file over the size limit, or a symlink loop. The other files are still checked. At error severity the exit code is 2.',
  },
]
