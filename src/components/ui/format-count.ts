/**
 * A whole number with thousands separators, as "12,345". Written out rather than `toLocaleString()`:
 * the first Intl call loads the locale data, which cost the first view 100 ms and more on a busy machine,
 * and the console's text is English anyway.
 */
export function formatCount(count: number): string {
  const digits = String(Math.trunc(Math.abs(count)))
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',')
  return count < 0 ? `-${grouped}` : grouped
}
