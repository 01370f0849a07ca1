<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPNotFoundException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPNotFoundException.php): thrown for HTTP 404. */
class MPNotFoundException extends MPApiException
{
}
