<?php

namespace MercadoPago\Net;

/**
 * One API call, ready to send: path (MPDefaultHttpClient puts MercadoPagoConfig::$BASE_URL in
 * front), verb, JSON body, the complete header lines and the connect timeout in ms. It does not
 * change once made, so a retry sends exactly the same request (same idempotency key).
 *
 * Left out: the SDK's per-request retry fields (see RequestOptions).
 */
class MPRequest
{
    private array $parts;

    public function __construct(string $uri, string $method, ?string $payload = null, ?array $headers = null, ?int $connection_timeout = null)
    {
        $this->parts = compact('uri', 'method', 'payload', 'headers', 'connection_timeout');
    }

    public function getUri(): string
    {
        return $this->parts['uri'];
    }

    public function getMethod(): string
    {
        return $this->parts['method'];
    }

    public function getPayload(): ?string
    {
        return $this->parts['payload'];
    }

    public function getHeaders(): ?array
    {
        return $this->parts['headers'];
    }

    public function getConnectionTimeout(): ?int
    {
        return $this->parts['connection_timeout'];
    }
}
