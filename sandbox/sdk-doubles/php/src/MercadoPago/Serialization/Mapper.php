<?php

namespace MercadoPago\Serialization;

/** For resources with nested objects: getMap() names the class to build for each such JSON field. */
trait Mapper
{
    abstract public function getMap(): array;

    public function map(string $field)
    {
        return $this->getMap()[$field] ?? null;
    }
}
