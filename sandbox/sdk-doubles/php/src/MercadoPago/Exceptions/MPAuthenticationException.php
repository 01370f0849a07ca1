<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPAuthenticationException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPAuthenticationException.php): thrown for HTTP 401. */
class MPAuthenticationException extends MPApiException
{
}
