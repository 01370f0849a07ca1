<?php

namespace MercadoPago\Resources\Common;

/** Who asked for a refund: e.g. type "collector" and the collector's id (a string) and name. */
class Source
{
    public ?string $type;
    public ?string $id;
    public ?string $name;
}
