<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPIdempotencyException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPIdempotencyException.php): thrown for HTTP 409. */
class MPIdempotencyException extends MPApiException
{
}
