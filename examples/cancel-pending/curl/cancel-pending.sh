#!/usr/bin/env bash
set -euo pipefail

ACCESS_TOKEN="${MERCADOPAGO_ACCESS_TOKEN:?Set MERCADOPAGO_ACCESS_TOKEN}"
PAYMENT_ID="${PAYMENT_ID:?Set PAYMENT_ID to the id of the pending or in-process payment}"

# A new key for each cancellation: a retry with the same key is not cancelled twice.
# /proc/sys/kernel/random/uuid exists on Linux; uuidgen ships with macOS.
IDEMPOTENCY_KEY="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"

# Only a pending or in-process payment can be cancelled; an approved one is refunded instead.
# --fail-with-body: on an HTTP error (4xx/5xx) curl exits with 22 and still returns the API's error body.
# -s keeps curl's own messages out of stderr: the lines below say what went wrong.
response="$(curl -s --fail-with-body -X PUT \
  "https://api.mercadopago.com/v1/payments/${PAYMENT_ID}" \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ACCESS_TOKEN}" \
  -H "X-Idempotency-Key: ${IDEMPOTENCY_KEY}" \
  -d '{"status": "cancelled"}')" || {
  status=$?
  if [ "${status}" -eq 22 ]; then
    echo "${response}" >&2
  else
    # No answer at all; curl's exit status says why (6: DNS, 7: refused, 28: timeout, 35 or 60: TLS).
    echo "Could not reach Mercado Pago: curl exited with status ${status}" >&2
  fi
  exit "${status}"
}

# The API's JSON body: status "cancelled", status_detail "by_collector".
echo "${response}"
