<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPBadRequestException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPBadRequestException.php): thrown for HTTP 400. */
class MPBadRequestException extends MPApiException
{
}
