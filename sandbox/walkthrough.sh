#!/usr/bin/env bash
# The Curity device flow tutorial, end to end against a running sandbox, with curl only:
#   client credentials (scope dcr) -> DCR with software_id device-client -> device authorization
#   -> poll (pending) -> the user approves on the HTML pages (curl cookie jar) -> poll -> tokens.
#
# Usage: sandbox/walkthrough.sh [base-url] [www-secret]
#   base-url    default http://127.0.0.1:8443 (start one with: npx tsx sandbox/server.ts)
#   www-secret  default $SANDBOX_WWW_SECRET or Password1
# Needs bash, curl and node (for JSON and HTML, instead of jq).
set -euo pipefail

BASE="${1:-http://127.0.0.1:8443}"
BASE="${BASE%/}"
WWW_SECRET="${2:-${SANDBOX_WWW_SECRET:-Password1}}"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'walkthrough: %s\n' "$*" >&2; exit 1; }

# json_field <name>: one top-level field of the JSON on stdin, empty when absent.
json_field() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const value = JSON.parse(s)[process.argv[1]]; process.stdout.write(value === undefined ? "" : String(value)) })' "$1"
}

# form_action <page-url>: absolute action of the first form in the HTML on stdin.
form_action() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = /<form\b[^>]*\baction="([^"]*)"/i.exec(s); if (!m) process.exit(1)
    process.stdout.write(new URL(m[1].replace(/&amp;/g, "&"), process.argv[1]).href) })' "$1"
}

# input_value <name>: value of the input with that name in the HTML on stdin.
input_value() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = new RegExp(`<input\\b[^>]*\\bname="${process.argv[1]}"[^>]*\\bvalue="([^"]*)"`, "i").exec(s)
    process.stdout.write(m ? m[1] : "") })' "$1"
}

# heading: text of the first <h1> in the HTML on stdin.
heading() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = /<h1>([\s\S]*?)<\/h1>/i.exec(s); process.stdout.write(m ? m[1] : "(no heading)") })'
}

# browse <url> [curl args...]: follow redirects with the cookie jar; prints the page, then the final URL last.
browse() {
  local url="$1"; shift
  curl -sS -L -b "$JAR" -c "$JAR" -w '\n%{url_effective}' "$@" "$url"
}

ISSUER="$BASE/oauth/v2/oauth-anonymous"

step "Discovery: $ISSUER/.well-known/openid-configuration"
DISCOVERY="$(curl -sS --fail "$ISSUER/.well-known/openid-configuration")" || fail "no sandbox at $BASE"
TOKEN_ENDPOINT="$(json_field token_endpoint <<<"$DISCOVERY")"
REGISTRATION_ENDPOINT="$(json_field registration_endpoint <<<"$DISCOVERY")"
DEVICE_ENDPOINT="$(json_field device_authorization_endpoint <<<"$DISCOVERY")"
echo "token_endpoint                 $TOKEN_ENDPOINT"
echo "registration_endpoint          $REGISTRATION_ENDPOINT"
echo "device_authorization_endpoint  $DEVICE_ENDPOINT"

step "Client credentials for www with scope dcr"
CC="$(curl -sS -u "www:$WWW_SECRET" -d grant_type=client_credentials -d scope=dcr "$TOKEN_ENDPOINT")"
echo "$CC"
INITIAL_TOKEN="$(json_field access_token <<<"$CC")"
[ -n "$INITIAL_TOKEN" ] || fail "no access token for www"

step "Dynamic client registration with software_id device-client"
REGISTRATION="$(curl -sS -H "Authorization: Bearer $INITIAL_TOKEN" -H 'Content-Type: application/json' \
  -d '{"software_id":"device-client"}' "$REGISTRATION_ENDPOINT")"
echo "$REGISTRATION"
CLIENT_ID="$(json_field client_id <<<"$REGISTRATION")"
CLIENT_SECRET="$(json_field client_secret <<<"$REGISTRATION")"
[ -n "$CLIENT_ID" ] || fail "registration failed"

step "Device authorization for $CLIENT_ID"
DEVICE="$(curl -sS -u "$CLIENT_ID:$CLIENT_SECRET" -d 'scope=openid profile read' "$DEVICE_ENDPOINT")"
echo "$DEVICE"
DEVICE_CODE="$(json_field device_code <<<"$DEVICE")"
USER_CODE="$(json_field user_code <<<"$DEVICE")"
VERIFICATION_URI="$(json_field verification_uri <<<"$DEVICE")"
INTERVAL="$(json_field interval <<<"$DEVICE")"
[ -n "$DEVICE_CODE" ] || fail "device authorization failed"

# The tutorial polls with client_secret_post; the sandbox accepts client_secret_basic as well.
poll() {
  curl -sS -d grant_type=urn:ietf:params:oauth:grant-type:device_code -d "device_code=$DEVICE_CODE" \
    -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" "$TOKEN_ENDPOINT"
}

step "Poll before the user acts (expect authorization_pending)"
poll; echo

step "The user opens $VERIFICATION_URI and enters $USER_CODE"
PAGE="$(browse "$VERIFICATION_URI")"
URL="$(tail -n 1 <<<"$PAGE")"; HTML="$(sed '$d' <<<"$PAGE")"
XSRF="$(input_value xsrf <<<"$HTML")"
PAGE="$(browse "$(form_action "$URL" <<<"$HTML")" --data-urlencode "xsrf=$XSRF" -d confirm=yes --data-urlencode "user_code=$USER_CODE")"
URL="$(tail -n 1 <<<"$PAGE")"; HTML="$(sed '$d' <<<"$PAGE")"
echo "page: $(heading <<<"$HTML")"

step "The user signs in as demo / demo"
PAGE="$(browse "$(form_action "$URL" <<<"$HTML")" -d username=demo -d password=demo)"
URL="$(tail -n 1 <<<"$PAGE")"; HTML="$(sed '$d' <<<"$PAGE")"
echo "page: $(heading <<<"$HTML")"

step "The user presses Approve"
PAGE="$(browse "$(form_action "$URL" <<<"$HTML")" -d decision=approve)"
HTML="$(sed '$d' <<<"$PAGE")"
OUTCOME="$(heading <<<"$HTML")"
echo "page: $OUTCOME"
[ "$OUTCOME" = "Device approved" ] || fail "approval did not finish"

step "Poll again after the interval ($INTERVAL s)"
sleep "$INTERVAL"
TOKENS="$(poll)"
echo "$TOKENS"
[ -n "$(json_field access_token <<<"$TOKENS")" ] || fail "no tokens"
echo
echo "access_token   $(json_field access_token <<<"$TOKENS")"
echo "refresh_token  $(json_field refresh_token <<<"$TOKENS")"
echo "id_token       $(json_field id_token <<<"$TOKENS")"
