<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/** Test double of MercadoPago\Resources\Payment\Payer (dx-php 3.13.0, src/MercadoPago/Resources/Payment/Payer.php). */
class Payer
{
    use Mapper;

    public ?string $type;
    public ?string $id;
    public ?string $email;
    public array|object|null $identification;
    public ?string $first_name;
    public ?string $last_name;
    public ?string $entity_type;
    public array|object|null $phone;
    public ?string $operator_id;

    private $map = [
        "identification" => "MercadoPago\Resources\Common\Identification",
        "phone" => "MercadoPago\Resources\Common\Phone",
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
