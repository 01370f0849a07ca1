import json
import os
import sys
import uuid

import mercadopago
import requests  # the SDK's HTTP library: its errors say why there was no answer
from mercadopago.config import RequestOptions

sdk = mercadopago.SDK(os.environ["MERCADOPAGO_ACCESS_TOKEN"])
payment_id = os.environ["PAYMENT_ID"]

# A new key for each refund: a retry with the same key is not refunded twice.
request_options = RequestOptions(custom_headers={"x-idempotency-key": str(uuid.uuid4())})

# Without an amount (no body at all) the API refunds everything that is left of the payment.
try:
    result = sdk.refund().create(payment_id, request_options=request_options)
except requests.exceptions.RequestException as error:
    # No answer at all (DNS, refused connection, TLS, timeout): the SDK raises, where API errors are returned.
    sys.exit(f"Could not reach Mercado Pago: {error}")

if result["status"] == 201:
    # The API's JSON body, the refund: amount the whole payment, status "approved".
    # The payment is now refunded.
    print(json.dumps(result["response"]))
else:
    # The SDK returns API errors instead of raising them.
    print(f"Mercado Pago API error {result['status']}: {json.dumps(result['response'])}", file=sys.stderr)
    sys.exit(1)
