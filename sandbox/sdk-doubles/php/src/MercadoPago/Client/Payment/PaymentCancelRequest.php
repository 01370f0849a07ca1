<?php

namespace MercadoPago\Client\Payment;

/** Test double of the cancel body (dx-php 3.13.0, src/MercadoPago/Client/Payment/PaymentCancelRequest.php). json_encode gives {"status":"cancelled"}. */
class PaymentCancelRequest
{
    public string $status = "cancelled";
}
