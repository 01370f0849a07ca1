#!/usr/bin/env bash
set -euo pipefail

ACCESS_TOKEN="${MERCADOPAGO_ACCESS_TOKEN:?Set MERCADOPAGO_ACCESS_TOKEN}"
PAYMENT_ID="${PAYMENT_ID:?Set PAYMENT_ID to the id of the payment}"

# A read: it changes nothing, so it needs no idempotency key.
# --fail-with-body: on an HTTP error (4xx/5xx) curl exits with 22 and still returns the API's error body.
# -s keeps curl's own messages out of stderr: the lines below say what went wrong.
response="$(curl -s --fail-with-body \
  "https://api.mercadopago.com/v1/payments/${PAYMENT_ID}/refunds" \
  -H "Authorization: Bearer ${ACCESS_TOKEN}")" || {
  status=$?
  if [ "${status}" -eq 22 ]; then
    echo "${response}" >&2
  else
    # No answer at all; curl's exit status says why (6: DNS, 7: refused, 28: timeout, 35 or 60: TLS).
    echo "Could not reach Mercado Pago: curl exited with status ${status}" >&2
  fi
  exit "${status}"
}

# The API's JSON body: an array of the payment's refunds, oldest first ([] when there is none).
echo "${response}"
