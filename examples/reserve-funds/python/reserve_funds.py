import json
import os
import sys
import uuid

import mercadopago
import requests  # the SDK's HTTP library: its errors say why there was no answer
from mercadopago.config import RequestOptions

sdk = mercadopago.SDK(os.environ["MERCADOPAGO_ACCESS_TOKEN"])

payment_data = {
    "transaction_amount": 100,
    # The card token your front end created (Card Payment Brick or MercadoPago.js); it is single-use.
    "token": os.environ["CARD_TOKEN"],
    "description": "Reserve",
    "installments": 1,
    "payment_method_id": "visa",
    "payer": {"email": "test_user_123@testuser.com"},
    # Authorize the amount without charging it: the funds stay reserved until you capture or cancel.
    "capture": False,
}

# A new key for each reserve: a retry with the same key does not reserve the funds twice.
request_options = RequestOptions(custom_headers={"x-idempotency-key": str(uuid.uuid4())})

try:
    result = sdk.payment().create(payment_data, request_options)
except requests.exceptions.RequestException as error:
    # No answer at all (DNS, refused connection, TLS, timeout): the SDK raises, where API errors are returned.
    sys.exit(f"Could not reach Mercado Pago: {error}")

if result["status"] == 201:
    # The API's JSON body: status "authorized", status_detail "pending_capture", captured false.
    # Keep its id to capture or cancel the reserve.
    print(json.dumps(result["response"]))
else:
    # The SDK returns API errors instead of raising them.
    print(f"Mercado Pago API error {result['status']}: {json.dumps(result['response'])}", file=sys.stderr)
    sys.exit(1)
