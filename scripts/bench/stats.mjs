// Medians and percentiles of samples, and ratios against a baseline from the same run.

export function percentile(samples, p) {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

export const median = (samples) => percentile(samples, 50)

export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null)

/** Runs `variants` (name → async function returning a number) one after another, `runs` times, interleaved. */
export async function interleaved(runs, variants) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
  for (let run = 0; run < runs; run++) {
    for (const [name, measure] of Object.entries(variants)) samples[name].push(await measure(run))
  }
  return samples
}
