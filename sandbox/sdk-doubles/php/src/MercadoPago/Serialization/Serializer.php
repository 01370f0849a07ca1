<?php

namespace MercadoPago\Serialization;

use MercadoPago\Net\MPResource;

/**
 * Turns a decoded JSON body into a resource, by the rules dx-php 3.13.0 follows:
 * - a key becomes a property only when the class declares it; other keys are dropped;
 * - values are assigned without strict_types, so PHP's coercion applies (an int for a ?string
 *   becomes a string; a value that cannot be coerced is a TypeError);
 * - a non-empty array under a key the class maps (Mapper) becomes an object of the mapped class,
 *   or a list of them when its first key is numeric. When the mapped class does not exist, the
 *   array is kept if the property's type allows an array, and dropped if not;
 * - an empty or null body is null, which deserializeFromJson()'s return type turns into a TypeError.
 * Declared properties the body does not mention stay uninitialized (reading one is an Error, and
 * json_encode() leaves it out).
 */
class Serializer
{
    public static function deserializeFromJson(mixed $entity, mixed $data): MPResource
    {
        return self::build($entity, $data);
    }

    private static function build(string $class, mixed $data): ?object
    {
        if (!$data) {
            return null;
        }
        $resource = new $class();
        foreach ($data as $field => $value) {
            self::assign($resource, $field, $value);
        }
        return $resource;
    }

    private static function assign(object $resource, int|string $field, mixed $value): void
    {
        $nested = is_array($value) && $value !== [] && method_exists($resource, 'map')
            ? $resource->map($field)
            : false;

        if ($nested === false) {
            // A scalar, null, an empty array, or a class that maps nothing.
            if (property_exists($resource, $field)) {
                $resource->$field = $value;
            }
        } elseif ($nested !== null && class_exists($nested)) {
            $resource->$field = is_numeric(array_key_first($value))
                ? array_map(static fn ($item) => self::build($nested, $item), array_values($value))
                : self::build($nested, $value);
        } elseif (property_exists($resource, $field) && self::takesArray($resource, $field)) {
            $resource->$field = $value;
        }
    }

    private static function takesArray(object $resource, string $field): bool
    {
        $type = (new \ReflectionProperty($resource, $field))->getType();
        if ($type === null) {
            return true;
        }
        $names = array_map(static fn (\ReflectionNamedType $t) => $t->getName(), $type instanceof \ReflectionUnionType ? $type->getTypes() : [$type]);
        return in_array('array', $names, true);
    }
}
