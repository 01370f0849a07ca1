import json
import os
import re
import sys
import uuid

import mercadopago
import requests  # the SDK's HTTP library: its errors say why there was no answer
from mercadopago.config import RequestOptions

sdk = mercadopago.SDK(os.environ["MERCADOPAGO_ACCESS_TOKEN"])
payment_id = os.environ["PAYMENT_ID"]
capture_amount = os.environ["CAPTURE_AMOUNT"]
# The API wants a JSON number (not a string), at most the reserved amount; the rest of the reserve is released.
if not re.fullmatch(r"\d+(\.\d{1,2})?", capture_amount):
    sys.exit(f"CAPTURE_AMOUNT must be an amount like 75 or 75.50, not {capture_amount!r}")

# A new key for each capture: a retry with the same key is not captured twice.
request_options = RequestOptions(custom_headers={"x-idempotency-key": str(uuid.uuid4())})

try:
    result = sdk.payment().capture(payment_id, float(capture_amount), request_options)
except requests.exceptions.RequestException as error:
    # No answer at all (DNS, refused connection, TLS, timeout): the SDK raises, where API errors are returned.
    sys.exit(f"Could not reach Mercado Pago: {error}")

if result["status"] == 200:
    # The API's JSON body: status "approved", status_detail "accredited", captured true,
    # transaction_amount the captured amount.
    print(json.dumps(result["response"]))
else:
    # The SDK returns API errors instead of raising them.
    print(f"Mercado Pago API error {result['status']}: {json.dumps(result['response'])}", file=sys.stderr)
    sys.exit(1)
