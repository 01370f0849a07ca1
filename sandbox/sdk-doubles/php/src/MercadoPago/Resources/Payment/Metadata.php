<?php

namespace MercadoPago\Resources\Payment;

/** Payment::$metadata. Only order_number is declared, so every other metadata key is dropped. */
class Metadata
{
    public ?string $order_number;
}
