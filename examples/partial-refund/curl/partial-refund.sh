#!/usr/bin/env bash
set -euo pipefail

ACCESS_TOKEN="${MERCADOPAGO_ACCESS_TOKEN:?Set MERCADOPAGO_ACCESS_TOKEN}"
PAYMENT_ID="${PAYMENT_ID:?Set PAYMENT_ID to the id of the approved payment}"
REFUND_AMOUNT="${REFUND_AMOUNT:?Set REFUND_AMOUNT to the amount to refund, e.g. 25.50}"

# The API wants a JSON number (not a string), at most what is left of the payment.
# The amount goes into the body unquoted, so accept only plain numbers.
if [[ ! "${REFUND_AMOUNT}" =~ ^[0-9]+(\.[0-9]{1,2})?$ ]]; then
  echo "REFUND_AMOUNT must be an amount like 25 or 25.50, not '${REFUND_AMOUNT}'" >&2
  exit 1
fi

# A new key for each refund: a retry with the same key is not refunded twice.
# /proc/sys/kernel/random/uuid exists on Linux; uuidgen ships with macOS.
IDEMPOTENCY_KEY="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"

# --fail-with-body: on an HTTP error (4xx/5xx) curl exits with 22 and still returns the API's error body.
# -s keeps curl's own messages out of stderr: the lines below say what went wrong.
response="$(curl -s --fail-with-body -X POST \
  "https://api.mercadopago.com/v1/payments/${PAYMENT_ID}/refunds" \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ACCESS_TOKEN}" \
  -H "X-Idempotency-Key: ${IDEMPOTENCY_KEY}" \
  -d "{\"amount\": ${REFUND_AMOUNT}}")" || {
  status=$?
  if [ "${status}" -eq 22 ]; then
    echo "${response}" >&2
  else
    # No answer at all; curl's exit status says why (6: DNS, 7: refused, 28: timeout, 35 or 60: TLS).
    echo "Could not reach Mercado Pago: curl exited with status ${status}" >&2
  fi
  exit "${status}"
}

# The API's JSON body, the refund: amount the refunded amount, status "approved".
# The payment stays approved, "partially_refunded".
echo "${response}"
