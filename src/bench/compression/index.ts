// `kafka-sizer bench --sample PATH`: how the user's own messages compress with each Kafka codec.
import {loadCodecs, type CodecLoader, type CodecName} from './codecs.js'
import {measureCompression, type CompressionReport, type MeasureOptions} from './measure.js'
import {readSamples, type Samples} from './samples.js'

export {CODEC_NAMES, loadCodecs, type Codec, type CodecLoader, type CodecName, type LoadedCodec} from './codecs.js'
export {buildBatches, lingerCap, measureCompression, recommendCodec, type CodecMeasurement, type CompressionReport, type MeasureOptions} from './measure.js'
export {DEFAULT_SAMPLE_MAX_BYTES, readSamples, type SampleFormat, type Samples} from './samples.js'

export interface CompressionBenchResult {
  sample: Omit<Samples, 'messages'>
  report: CompressionReport
}

/** Reads the sample, loads the codecs (lazily: native code is loaded only here) and measures. */
export async function benchCompression(
  path: string,
  options: MeasureOptions & {maxBytes?: number; loaders?: Partial<Record<CodecName, CodecLoader>>},
): Promise<CompressionBenchResult> {
  const {messages, ...sample} = await readSamples(path, {maxBytes: options.maxBytes})
  const codecs = await loadCodecs(options.loaders)
  return {sample, report: measureCompression(messages, codecs, options)}
}
