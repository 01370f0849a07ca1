<?php

namespace MercadoPago\Net;

/**
 * Test double of MercadoPago\Net\MPRequest (dx-php 3.13.0, src/MercadoPago/Net/MPRequest.php).
 * Shortcut: the per-request retry fields of the real class are left out (see RequestOptions).
 */
class MPRequest
{
    public function __construct(
        private string $uri,
        private string $method,
        private ?string $payload = null,
        private ?array $headers = null,
        private ?int $connection_timeout = null
    ) {
    }

    public function getMethod(): string
    {
        return $this->method;
    }

    public function getUri(): string
    {
        return $this->uri;
    }

    public function getHeaders(): ?array
    {
        return $this->headers;
    }

    public function getPayload(): ?string
    {
        return $this->payload;
    }

    public function getConnectionTimeout(): ?int
    {
        return $this->connection_timeout;
    }
}
