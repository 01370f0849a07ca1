<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Resources\Common\Identification;
use MercadoPago\Resources\Common\Phone;
use MercadoPago\Serialization\Mapper;

/** Payment::$payer. */
class Payer
{
    use Mapper;

    public ?string $email;
    public ?string $first_name;
    public ?string $last_name;
    public array|object|null $phone;
    public array|object|null $identification;
    public ?string $entity_type;
    public ?string $type;
    public ?string $id;
    public ?string $operator_id;

    private $map = [
        'identification' => Identification::class,
        'phone' => Phone::class,
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
