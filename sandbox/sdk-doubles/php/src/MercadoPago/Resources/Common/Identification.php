<?php

namespace MercadoPago\Resources\Common;

/** A document, e.g. type "DNI", number "12345678". */
class Identification
{
    public ?string $number;
    public ?string $type;
}
