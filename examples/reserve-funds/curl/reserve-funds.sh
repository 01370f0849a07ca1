#!/usr/bin/env bash
set -euo pipefail

ACCESS_TOKEN="${MERCADOPAGO_ACCESS_TOKEN:?Set MERCADOPAGO_ACCESS_TOKEN}"
CARD_TOKEN="${CARD_TOKEN:?Set CARD_TOKEN to the card token your front end created}"

# The token goes into the JSON body as is: make sure it cannot break out of its string.
if [[ ! "${CARD_TOKEN}" =~ ^[A-Za-z0-9]+$ ]]; then
  echo "CARD_TOKEN must be a card token (letters and digits only)" >&2
  exit 1
fi

# A new key for each reserve: a retry with the same key does not reserve the funds twice.
# /proc/sys/kernel/random/uuid exists on Linux; uuidgen ships with macOS.
IDEMPOTENCY_KEY="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"

# "capture": false authorizes the amount without charging it: the funds stay reserved until you capture or cancel.
BODY="$(printf '{"transaction_amount": 100, "token": "%s", "description": "Reserve", "installments": 1, "payment_method_id": "visa", "payer": {"email": "test_user_123@testuser.com"}, "capture": false}' "${CARD_TOKEN}")"

# --fail-with-body: on an HTTP error (4xx/5xx) curl exits with 22 and still returns the API's error body.
# -s keeps curl's own messages out of stderr: the lines below say what went wrong.
response="$(curl -s --fail-with-body -X POST \
  'https://api.mercadopago.com/v1/payments' \
  -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${ACCESS_TOKEN}" \
  -H "X-Idempotency-Key: ${IDEMPOTENCY_KEY}" \
  -d "${BODY}")" || {
  status=$?
  if [ "${status}" -eq 22 ]; then
    echo "${response}" >&2
  else
    # No answer at all; curl's exit status says why (6: DNS, 7: refused, 28: timeout, 35 or 60: TLS).
    echo "Could not reach Mercado Pago: curl exited with status ${status}" >&2
  fi
  exit "${status}"
}

# The API's JSON body: status "authorized", status_detail "pending_capture", captured false.
# Keep its id to capture or cancel the reserve.
echo "${response}"
