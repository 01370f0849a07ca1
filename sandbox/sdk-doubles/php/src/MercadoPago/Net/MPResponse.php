<?php

namespace MercadoPago\Net;

/**
 * Test double of MercadoPago\Net\MPResponse (dx-php 3.13.0, src/MercadoPago/Net/MPResponse.php).
 * $content is the JSON body decoded as an associative array. As in the real SDK, getContent()
 * is typed `array`, so it throws a TypeError when the body was empty or not JSON (content null).
 * No response headers are kept.
 */
class MPResponse
{
    public function __construct(
        private int $status_code,
        private ?array $content
    ) {
    }

    public function getStatusCode(): int
    {
        return $this->status_code;
    }

    public function getContent(): array
    {
        return $this->content;
    }
}
