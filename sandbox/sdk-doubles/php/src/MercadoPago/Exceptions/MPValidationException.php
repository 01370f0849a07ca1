<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPValidationException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPValidationException.php): thrown for HTTP 422. */
class MPValidationException extends MPApiException
{
}
