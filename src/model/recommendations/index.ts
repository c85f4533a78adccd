// Configuration recommendations derived from a finished plan: each value computed from the plan, each with
// a one-line trade-off. Pure: no I/O; renderers decide how to print them.
import type {PlanCore} from '../plan.js'
import type {Recommendation} from '../types.js'
import {brokerRecommendations} from './broker.js'
import {consumerRecommendations} from './consumer.js'
import {osRecommendations} from './os.js'
import {producerRecommendations} from './producer.js'
import {topicRecommendations} from './topic.js'

export function recommend(plan: PlanCore): Recommendation[] {
  return [
    ...topicRecommendations(plan),
    ...producerRecommendations(plan),
    ...consumerRecommendations(plan),
    ...brokerRecommendations(plan),
    ...osRecommendations(plan),
  ]
}
