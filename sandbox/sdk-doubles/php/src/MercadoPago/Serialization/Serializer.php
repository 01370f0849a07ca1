<?php

namespace MercadoPago\Serialization;

use MercadoPago\Net\MPResource;

/**
 * Test double of MercadoPago\Serialization\Serializer (dx-php 3.13.0,
 * src/MercadoPago/Serialization/Serializer.php). Same rules as the real one:
 * - only keys that are declared properties are copied; other keys are dropped;
 * - values go into TYPED properties without strict_types, so PHP's coercion applies
 *   (an int for a ?string becomes a string; an incompatible value throws a TypeError);
 * - a non-empty array under a key the class maps (Mapper) becomes an object of the mapped class,
 *   or a list of them when its first key is numeric; when the mapped class does not exist the
 *   array is kept as-is if the property accepts arrays;
 * - an empty/null body gives null, so deserializeFromJson() throws a TypeError (return type).
 * Declared properties absent from the body stay uninitialized (reading them throws an Error,
 * json_encode() skips them).
 */
class Serializer
{
    public static function deserializeFromJson(mixed $entity, mixed $data): MPResource
    {
        return self::hydrate($entity, $data);
    }

    private static function hydrate(string $class, mixed $data): ?object
    {
        if (!$data) {
            return null;
        }
        $object = new $class();
        foreach ($data as $key => $value) {
            if (is_array($value) && !empty($value) && method_exists($object, 'map')) {
                $nested = $object->map($key);
                if ($nested !== null && class_exists($nested, true)) {
                    $object->$key = is_numeric(key($value))
                        ? array_map(static fn ($item) => self::hydrate($nested, $item), array_values($value))
                        : self::hydrate($nested, $value);
                } elseif (property_exists($object, $key) && self::acceptsArray($object, $key)) {
                    $object->$key = $value;
                }
            } elseif (property_exists($object, $key)) {
                $object->$key = $value;
            }
        }
        return $object;
    }

    private static function acceptsArray(object $object, string $key): bool
    {
        $type = (new \ReflectionProperty($object, $key))->getType();
        if ($type === null) {
            return true;
        }
        foreach ($type instanceof \ReflectionUnionType ? $type->getTypes() : [$type] as $t) {
            if ($t->getName() === 'array') {
                return true;
            }
        }
        return false;
    }
}
