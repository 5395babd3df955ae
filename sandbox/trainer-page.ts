import { html, toHtmlString, trustedHtml, type Html } from './html.ts'
import { DEVICE_CODE_STATES, type DeviceCodeState, type TrainerSnapshot } from './trainer-activity.ts'

/**
 * The trainer page: one server-rendered fragment (escaped by html.ts) used both for the first load and for
 * every live update, so there is a single way a row is rendered. Times are the sandbox machine's clock,
 * which in a workshop is the trainer's.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f6;color:#111827}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.4rem;margin:.25rem 0}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.hint{color:#4b5563;margin:.25rem 0}
.live{display:inline-block;padding:.1rem .5rem;border-radius:999px;background:#e5e7eb;font-size:.85rem}
.live[data-state=live]{background:#dcfce7;color:#166534}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0;list-style:none}
.counts li{background:#fff;border-radius:.5rem;padding:.4rem .75rem;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.counts strong{font-size:1.3rem;margin-right:.3rem}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:.5rem;overflow:hidden;box-shadow:0 1px 2px rgba(0,0,0,.1)}
caption{text-align:left;color:#4b5563;padding:.25rem 0}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{background:#f9fafb;font-size:.85rem}
code{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}
.pending{color:#92400e}.approved{color:#166534}.denied{color:#991b1b}.expired{color:#6b7280}
`

const STATE_LABELS: Record<DeviceCodeState, string> = {
  pending: 'pending',
  approved: 'approved',
  denied: 'denied',
  expired: 'expired',
}

function clock(ms: number | null): string {
  if (!ms) return '—'
  return new Date(ms).toLocaleTimeString('en-GB', { hour12: false })
}

function clientsSection(snapshot: TrainerSnapshot): Html {
  const { total, shown } = snapshot.clients
  const rows = shown.map(
    (client) => html`<tr><td><code>${client.client_id}</code></td><td>${client.client_name || '—'}</td><td>${client.software_id ?? '—'}</td><td><code>${client.token_endpoint_auth_method}</code></td><td>${client.grant_types.join(', ')}</td><td>${client.registered_at ? clock(client.registered_at) : 'configured'}</td></tr>`,
  )
  return html`<section aria-labelledby="clients-heading">
<h2 id="clients-heading">Registered clients (${total})</h2>
<table>
<caption>${total > shown.length ? `The ${shown.length} most recent of ${total}.` : 'Newest first; configured clients last.'}</caption>
<thead><tr><th scope="col">client_id</th><th scope="col">Name</th><th scope="col">software_id</th><th scope="col">Authentication</th><th scope="col">Grants</th><th scope="col">Registered</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`
}

function deviceCodesSection(snapshot: TrainerSnapshot): Html {
  const { counts, shown } = snapshot.device_codes
  const tally = DEVICE_CODE_STATES.map((state) => html`<li class="${state}"><strong>${counts[state]}</strong>${STATE_LABELS[state]}</li>`)
  const rows = shown.map(
    (code) => html`<tr><td><code>${code.user_code_hint}</code></td><td class="${code.state}">${STATE_LABELS[code.state]}${code.tokens_issued ? ' (tokens issued)' : ''}</td><td>${code.client_name || '—'} <code>${code.client_id}</code></td><td><code>${code.scope || '—'}</code></td><td>${clock(code.created_at)}</td><td>${clock(code.expires_at)}</td></tr>`,
  )
  return html`<section aria-labelledby="codes-heading">
<h2 id="codes-heading">Device codes</h2>
<ul class="counts" aria-label="Device codes by state">${tally}</ul>
<table>
<caption>User codes are cut to their first half; device codes are never shown.</caption>
<thead><tr><th scope="col">User code</th><th scope="col">State</th><th scope="col">Client</th><th scope="col">Scope</th><th scope="col">Started</th><th scope="col">Expires</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="6">No device codes yet.</td></tr>`}</tbody>
</table>
</section>`
}

function tokenRequestsSection(snapshot: TrainerSnapshot): Html {
  const { total, counts, shown } = snapshot.token_requests
  const tally = Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([outcome, count]) => html`<li><strong>${count}</strong>${outcome}</li>`)
  const rows = shown.map(
    (request) => html`<tr><td>${clock(request.at)}</td><td><code>${request.grant_type}</code></td><td><code>${request.client_id}</code></td><td>${request.status}</td><td><code>${request.outcome}</code></td></tr>`,
  )
  return html`<section aria-labelledby="tokens-heading">
<h2 id="tokens-heading">Recent token requests (${total})</h2>
<ul class="counts" aria-label="Token requests by outcome">${tally}</ul>
<table>
<caption>The latest ${shown.length}, newest first. Tokens themselves are never shown.</caption>
<thead><tr><th scope="col">Time</th><th scope="col">grant_type</th><th scope="col">client_id</th><th scope="col">Status</th><th scope="col">Outcome</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="5">No token requests yet.</td></tr>`}</tbody>
</table>
</section>`
}

/** The part of the page that changes: re-sent whole on each update. */
export function trainerFragment(snapshot: TrainerSnapshot): string {
  return toHtmlString(html`${clientsSection(snapshot)}${deviceCodesSection(snapshot)}${tokenRequestsSection(snapshot)}`)
}

export function trainerPage(snapshot: TrainerSnapshot, options: { issuer: string; eventsPath: string; scriptPath: string }): string {
  return toHtmlString(html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trainer view · OAuth Console sandbox</title>
<style>${trustedHtml(STYLE)}</style>
<script src="${options.scriptPath}" defer></script>
</head>
<body>
<main data-events="${options.eventsPath}">
<h1>Trainer view</h1>
<p class="hint">Read-only. What the room does with the sandbox at <code>${options.issuer}</code>: no secrets, tokens or device codes are shown.</p>
<p><span class="live" role="status" id="live-state">Updated ${clock(snapshot.generated_at)}</span></p>
<div id="activity">${trustedHtml(trainerFragment(snapshot))}</div>
</main>
</body>
</html>`)
}

/**
 * The page's only script, served from the sandbox itself (no inline code, so a strict CSP holds): listens to
 * the event stream and swaps in each fragment the server rendered. EventSource reconnects on its own.
 */
export const TRAINER_SCRIPT = `'use strict';
(function () {
  var main = document.querySelector('main[data-events]');
  var activity = document.getElementById('activity');
  var live = document.getElementById('live-state');
  if (!main || !activity || !live || typeof EventSource !== 'function') return;
  var source = new EventSource(main.getAttribute('data-events'));
  source.addEventListener('snapshot', function (event) {
    var data = JSON.parse(event.data);
    activity.innerHTML = data.html;
    live.textContent = 'Live · updated ' + data.updated;
    live.setAttribute('data-state', 'live');
  });
  source.addEventListener('error', function () {
    live.textContent = 'Reconnecting…';
    live.removeAttribute('data-state');
  });
})();
`

export { clock as trainerClock }
