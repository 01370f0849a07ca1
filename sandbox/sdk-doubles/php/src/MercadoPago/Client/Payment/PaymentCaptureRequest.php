<?php

namespace MercadoPago\Client\Payment;

/**
 * Test double of the capture body (dx-php 3.13.0, src/MercadoPago/Client/Payment/PaymentCaptureRequest.php).
 *
 * As in the real class, $transaction_amount is a NON-nullable float with no default: json_encode
 * gives {"capture":true,"transaction_amount":N} once it is set, and assigning null to it throws a
 * TypeError ("Cannot assign null to property ... of type float"). PaymentClient::capture() always
 * assigns it, so in 3.13.0 capture() cannot send {"capture":true} alone.
 */
class PaymentCaptureRequest
{
    public bool $capture = true;

    public float $transaction_amount;
}
