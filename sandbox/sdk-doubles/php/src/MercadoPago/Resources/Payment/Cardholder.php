<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Resources\Common\Identification;
use MercadoPago\Serialization\Mapper;

/** Card::$cardholder. */
class Cardholder
{
    use Mapper;

    public array|object|null $identification;
    public ?string $name;

    private $map = ['identification' => Identification::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
