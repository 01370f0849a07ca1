import json
import os
import sys

import mercadopago
import requests  # the SDK's HTTP library: its errors say why there was no answer

sdk = mercadopago.SDK(os.environ["MERCADOPAGO_ACCESS_TOKEN"])
payment_id = os.environ["PAYMENT_ID"]

# A read changes nothing, so it needs no key of ours (the SDK sends one of its own anyway).
try:
    result = sdk.refund().list_all(payment_id)
except requests.exceptions.RequestException as error:
    # No answer at all (DNS, refused connection, TLS, timeout): the SDK raises, where API errors are returned.
    sys.exit(f"Could not reach Mercado Pago: {error}")

if result["status"] == 200:
    # The API's JSON body: an array of the payment's refunds, oldest first ([] when there is none).
    print(json.dumps(result["response"]))
else:
    # The SDK returns API errors instead of raising them.
    print(f"Mercado Pago API error {result['status']}: {json.dumps(result['response'])}", file=sys.stderr)
    sys.exit(1)
