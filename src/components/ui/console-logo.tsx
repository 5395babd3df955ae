/**
 * The console's mark, drawn inline. As an <img> of /favicon.svg the browser built a separate SVG document
 * for it (a frame, a style sheet, a layout) in the middle of the first view; inline it is a few paths of
 * the page. Keep it in step with public/favicon.svg, the tab's icon.
 */
export function ConsoleLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#4f46e5" />
      <path d="M9 16a7 7 0 1 1 14 0a7 7 0 1 1-14 0zm4 0a3 3 0 1 0 6 0a3 3 0 1 0-6 0z" fill="#fff" />
    </svg>
  )
}
