<?php

namespace MercadoPago\Resources\Common;

/** Payer::$phone. */
class Phone
{
    public ?string $extension;
    public ?string $area_code;
    public ?string $number;
}
