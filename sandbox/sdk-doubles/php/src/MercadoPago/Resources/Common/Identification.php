<?php

namespace MercadoPago\Resources\Common;

/** Test double of MercadoPago\Resources\Common\Identification (dx-php 3.13.0, src/MercadoPago/Resources/Common/Identification.php). */
class Identification
{
    public ?string $type;
    public ?string $number;
}
