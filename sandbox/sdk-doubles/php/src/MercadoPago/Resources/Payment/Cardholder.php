<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/** Test double of MercadoPago\Resources\Payment\Cardholder (dx-php 3.13.0, src/MercadoPago/Resources/Payment/Cardholder.php). */
class Cardholder
{
    use Mapper;

    public ?string $name;
    public array|object|null $identification;

    private $map = [
        "identification" => "MercadoPago\Resources\Common\Identification",
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
