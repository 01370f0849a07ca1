<?php

namespace MercadoPago\Exceptions;

/** Test double of MercadoPago\Exceptions\MPResourceLockedException (dx-php 3.13.0, src/MercadoPago/Exceptions/MPResourceLockedException.php): thrown for HTTP 423. */
class MPResourceLockedException extends MPApiException
{
}
