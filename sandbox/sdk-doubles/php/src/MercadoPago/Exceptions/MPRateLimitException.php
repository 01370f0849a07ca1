<?php

namespace MercadoPago\Exceptions;

use MercadoPago\Net\MPResponse;

/**
 * HTTP 429, thrown once the retries are used up. The HTTP client never hands Retry-After over,
 * so getRetryAfter() gives null, as with dx-php 3.13.0.
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
