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
refund_amount = os.environ["REFUND_AMOUNT"]
# The API wants a JSON number (not a string), at most what is left of the payment.
if not re.fullmatch(r"\d+(\.\d{1,2})?", refund_amount):
    sys.exit(f"REFUND_AMOUNT must be an amount like 25 or 25.50, not {refund_amount!r}")

# A new key for each refund: a retry with the same key is not refunded twice.
request_options = RequestOptions(custom_headers={"x-idempotency-key": str(uuid.uuid4())})

try:
    result = sdk.refund().create(payment_id, {"amount": float(refund_amount)}, request_options)
except requests.exceptions.RequestException as error:
    # No answer at all (DNS, refused connection, TLS, timeout): the SDK raises, where API errors are returned.
    sys.exit(f"Could not reach Mercado Pago: {error}")

if result["status"] == 201:
    # The API's JSON body, the refund: amount the refunded amount, status "approved".
    # The payment stays approved, "partially_refunded".
    print(json.dumps(result["response"]))
else:
    # The SDK returns API errors instead of raising them.
    print(f"Mercado Pago API error {result['status']}: {json.dumps(result['response'])}", file=sys.stderr)
    sys.exit(1)
