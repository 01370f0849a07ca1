<?php

namespace MercadoPago\Resources\Common;

/** Test double of MercadoPago\Resources\Common\Phone (dx-php 3.13.0, src/MercadoPago/Resources/Common/Phone.php). */
class Phone
{
    public ?string $area_code;
    public ?string $number;
    public ?string $extension;
}
