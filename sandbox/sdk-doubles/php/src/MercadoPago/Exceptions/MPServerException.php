<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPServerException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPServerException.php): thrown for HTTP 5xx. */
class MPServerException extends MPApiException
{
}
