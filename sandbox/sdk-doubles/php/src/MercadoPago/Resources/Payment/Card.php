<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/** Test double of MercadoPago\Resources\Payment\Card (dx-php 3.13.0, src/MercadoPago/Resources/Payment/Card.php). */
class Card
{
    use Mapper;

    public ?string $id;
    public ?string $last_four_digits;
    public ?string $first_six_digits;
    public int|string|null $expiration_year;
    public int|string|null $expiration_month;
    public ?string $date_created;
    public ?string $date_last_updated;
    public ?string $country;
    public array|object|null $cardholder;
    public ?string $bin;
    public array|object|null $tags;

    private $map = [
        "cardholder" => "MercadoPago\Resources\Payment\Cardholder",
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
