<?php

namespace MercadoPago\Resources\Payment;

/**
 * Test double of MercadoPago\Resources\Payment\Metadata (dx-php 3.13.0, src/MercadoPago/Resources/Payment/Metadata.php).
 * As in the real SDK, only order_number is kept; other metadata keys are dropped.
 */
class Metadata
{
    public ?string $order_number;
}
