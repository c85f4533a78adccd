// Terraform HCL (.tf) is not read. No maintained HCL parser for Node gives source positions:
// @cdktf/hcl2json went with CDKTF, which HashiCorp deprecated; its community fork @cdktn/hcl2json and the
// other hcl2json wrappers turn HCL into JSON without line numbers, and findings must point at a line.
// `terraform show -json` output is read instead (./terraform-json.ts), with positions.
import type {InputProblem} from '../types.js'

const ADVICE = 'check the output of `terraform show -json > topics.tfstate.json` (state) or `terraform show -json plan.tfplan > plan.json` (a saved plan) instead'

export function isHcl(file: string): boolean {
  return file.endsWith('.tf')
}

/** One info per .tf file the user named; one for all the .tf files found in directories. */
export function hclProblems(named: string[], found: string[]): InputProblem[] {
  const problems: InputProblem[] = named.map((file) => ({file, line: 1, column: 1, severity: 'info', message: `Terraform HCL files are not read (no maintained HCL parser keeps line numbers); ${ADVICE}`}))
  if (found.length > 0) {
    const more = found.length > 1 ? ` and ${found.length - 1} other .tf file(s)` : ''
    problems.push({file: found[0]!, line: 1, column: 1, severity: 'info', message: `skipped this${more}: Terraform HCL is not read (no maintained HCL parser keeps line numbers); ${ADVICE}`})
  }
  return problems
}
