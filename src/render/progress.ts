// A progress bar on stderr for long benchmark runs (cli-progress). The caller creates it only on a
// terminal and never under --json.
import cliProgress from 'cli-progress'

export interface ProgressBar {
  update: (label: string, fraction: number) => void
  stop: () => void
}

export function progressBar(): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {label}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  let stopped = false
  return {
    update(label, fraction) {
      if (stopped) return
      if (!started) {
        bar.start(100, 0, {label})
        started = true
      }
      bar.update(Math.round(fraction * 100), {label})
    },
    stop() {
      if (started && !stopped) bar.stop()
      stopped = true
    },
  }
}
