<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/** Payment::$card: the card the payment was made with (never its full number). */
class Card
{
    use Mapper;

    public ?string $bin;
    public ?string $first_six_digits;
    public ?string $last_four_digits;
    public int|string|null $expiration_month;
    public int|string|null $expiration_year;
    public array|object|null $cardholder;
    public ?string $country;
    public ?string $id;
    public array|object|null $tags;
    public ?string $date_created;
    public ?string $date_last_updated;

    private $map = ['cardholder' => Cardholder::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
