// One line per measurement with its budget; the bench fails when any line is over.

export function createReport() {
  const rows = []
  return {
    /** `value` and `budget` in the same unit; lower is better. */
    add(section, name, value, budget, unit) {
      rows.push({ section, name, value, budget, unit })
    },
    print() {
      let section = ''
      for (const row of rows) {
        if (row.section !== section) {
          section = row.section
          console.log(`\n${section}`)
        }
        const verdict = row.value <= row.budget ? 'PASS' : 'OVER'
        const value = `${formatValue(row.value, row.unit)}`.padStart(12)
        const budget = `≤ ${formatValue(row.budget, row.unit)}`.padStart(14)
        console.log(`  ${row.name.padEnd(44)}${value}${budget}  ${verdict}`)
      }
    },
    over() {
      return rows.filter((row) => row.value > row.budget)
    },
  }
}

function formatValue(value, unit) {
  if (unit === 'kB') return `${(value / 1000).toFixed(1)} kB`
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`
  return `${value} ${unit}`
}

export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
