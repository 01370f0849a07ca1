<?php

namespace MercadoPago\Serialization;

/** Test double of MercadoPago\Serialization\Mapper (dx-php 3.13.0, src/MercadoPago/Serialization/Mapper.php): JSON field => class of a nested object. */
trait Mapper
{
    public function map(string $field)
    {
        return $this->getMap()[$field] ?? null;
    }

    abstract public function getMap(): array;
}
