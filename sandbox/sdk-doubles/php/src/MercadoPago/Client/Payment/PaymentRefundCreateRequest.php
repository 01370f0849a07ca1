<?php

namespace MercadoPago\Client\Payment;

/**
 * Test double of the partial refund's body (dx-php 3.13.0,
 * src/MercadoPago/Client/Payment/PaymentRefundCreateRequest.php): json_encode gives {"amount":N}.
 * A plain float, so refund() coerces what it is given ("25.5" → 25.5) and cannot send null.
 */
class PaymentRefundCreateRequest
{
    public float $amount;
}
