// The artefacts `plan --emit` renders from a finished plan: one pure renderer per format.
import type {PlanResult} from '../services/plan.js'
import {type Artefact, type EmitFormat, type EmitOptions, type Renderer} from './common.js'
import {renderCruiseControl} from './cruise-control.js'
import {renderKafkaConfigs} from './kafka-configs.js'
import {renderServerProperties} from './server-properties.js'
import {renderStrimzi} from './strimzi.js'
import {renderTerraform} from './terraform.js'

export {EMIT_FORMATS, topicNameProblem, type Artefact, type EmitFormat, type EmitOptions} from './common.js'

export const RENDERERS: Record<EmitFormat, Renderer> = {
  'kafka-configs': renderKafkaConfigs,
  strimzi: renderStrimzi,
  terraform: renderTerraform,
  'cruise-control': renderCruiseControl,
  'server-properties': renderServerProperties,
}

/** Renders each format once, in the order given. */
export function renderArtefacts(plan: PlanResult, formats: readonly EmitFormat[], options: EmitOptions): Array<Artefact & {format: EmitFormat}> {
  return [...new Set(formats)].map((format) => ({format, ...RENDERERS[format](plan, options)}))
}
