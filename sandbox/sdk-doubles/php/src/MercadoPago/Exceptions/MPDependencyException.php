<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPDependencyException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPDependencyException.php): thrown for HTTP 424. */
class MPDependencyException extends MPApiException
{
}
