<?php

namespace MercadoPago\Net;

/**
 * Test double of MercadoPago\Net\CurlRequest (dx-php 3.13.0, src/MercadoPago/Net/CurlRequest.php).
 * One cURL handle per instance, created up front and never closed (close() is a no-op in the
 * real SDK too), so options set for one request stay on the handle for the next one and the
 * connection is kept alive between requests and retries.
 */
class CurlRequest implements HttpRequest
{
    private \CurlHandle $handle;

    public function __construct()
    {
        $this->handle = curl_init();
    }

    public function setOptionArray(array $value): void
    {
        curl_setopt_array($this->handle, $value);
    }

    public function execute(): bool|string
    {
        return curl_exec($this->handle);
    }

    public function getInfo(mixed $name): mixed
    {
        return curl_getinfo($this->handle, $name);
    }

    public function close(): void
    {
    }

    public function error(): string
    {
        return curl_error($this->handle);
    }
}
