<?php

namespace MercadoPago\Resources\Payment;

/** One element of Payment::$fee_details. */
class FeeDetails
{
    public ?float $amount;
    public ?string $fee_payer;
    public ?string $type;
}
