<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPPaymentException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPPaymentException.php): thrown for HTTP 402. */
class MPPaymentException extends MPApiException
{
}
