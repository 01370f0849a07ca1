<?php

namespace MercadoPago\Exceptions;

/**
 * What MercadoPagoConfig::setRuntimeEnviroment() throws for a value other than LOCAL or SERVER.
 * In dx-php 3.13.0 it extends \Exception, not PHP's own \InvalidArgumentException.
 */
class InvalidArgumentException extends \Exception
{
}
