// Report service: runs the plan (one topic from a request, or a cluster plan file), then builds the report
// data model from it. Rendering and writing are separate (src/report/render.ts, src/report/write.ts), so
// that --json returns the model alone.
import {readFile} from 'node:fs/promises'
import type {PlanRequest} from '../model/inputs.js'
import type {ReportData} from '../report/types.js'
import {type SizingOptions, planService} from './plan.js'

export interface ReportOptions extends SizingOptions {
  /** The report's title (default "Kafka sizing: <cluster or topic>"). */
  title?: string
  /** The single topic's name (default my-topic). */
  topic?: string
  /** The command that reproduces the plan, shown in the report. */
  command: string
  tool: {name: string; version: string}
  now?: Date
}

export type ReportInput = {file: string} | {request: PlanRequest}

export async function reportService(input: ReportInput, options: ReportOptions): Promise<ReportData> {
  const {buildReport} = await import('../report/build.js')
  const calibration = options.calibrationPath === undefined ? undefined : await calibrationProfileOf(options.calibrationPath)
  const build = {title: options.title, command: options.command, tool: options.tool, calibration, now: options.now}
  if ('file' in input) {
    const {clusterPlanService, topicPlansOf} = await import('./cluster-plan.js')
    const result = await clusterPlanService(input.file, options)
    return buildReport({kind: 'cluster', result, plans: topicPlansOf(result)}, build)
  }
  const plan = await planService(input.request, options)
  return buildReport({kind: 'topic', plan, topic: options.topic ?? 'my-topic'}, build)
}

/** The whole calibration profile (its raw points and machine), after the plan service has validated it. */
async function calibrationProfileOf(file: string) {
  const {readCalibration} = await import('./calibration-file.js')
  const {path} = await readCalibration(file) // validates, with the usual errors
  const {calibrationProfile} = await import('../bench/calibration/profile.js')
  return {...calibrationProfile.parse(JSON.parse(await readFile(file, 'utf8'))), path}
}
