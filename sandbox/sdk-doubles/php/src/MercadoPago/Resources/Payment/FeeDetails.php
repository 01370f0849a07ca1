<?php

namespace MercadoPago\Resources\Payment;

/** Test double of MercadoPago\Resources\Payment\FeeDetails (dx-php 3.13.0, src/MercadoPago/Resources/Payment/FeeDetails.php). */
class FeeDetails
{
    public ?string $type;
    public ?string $fee_payer;
    public ?float $amount;
}
