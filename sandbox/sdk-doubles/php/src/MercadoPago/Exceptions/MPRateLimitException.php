<?php

namespace MercadoPago\Exceptions;

use MercadoPago\Net\MPResponse;

/**
 * Test double of MercadoPago\Exceptions\MPRateLimitException (dx-php 3.13.0,
 * src/MercadoPago/Exceptions/MPRateLimitException.php): thrown for HTTP 429 (after retries).
 * The HTTP client never passes Retry-After, so getRetryAfter() returns null, as in the real SDK.
 */
class MPRateLimitException extends MPApiException
{
    public function __construct(string $message, MPResponse $response, private ?int $retry_after = null)
    {
        parent::__construct($message, $response);
    }

    public function getRetryAfter(): ?int
    {
        return $this->retry_after;
    }
}
