<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPForbiddenException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPForbiddenException.php): thrown for HTTP 403. */
class MPForbiddenException extends MPApiException
{
}
