<?php

namespace MercadoPago\Net;

/**
 * HttpRequest over one cURL handle, kept for the life of the object: options stay set from one
 * request to the next, and the connection stays open between requests and retries. close() keeps
 * the handle, as dx-php's does.
 */
class CurlRequest implements HttpRequest
{
    private ?\CurlHandle $curl = null;

    public function setOptionArray(array $value): void
    {
        curl_setopt_array($this->handle(), $value);
    }

    public function execute(): bool|string
    {
        return curl_exec($this->handle());
    }

    public function error(): string
    {
        return curl_error($this->handle());
    }

    public function getInfo(mixed $name): mixed
    {
        return curl_getinfo($this->handle(), $name);
    }

    public function close(): void
    {
        // Nothing to release: the handle is reused by the next request.
    }

    private function handle(): \CurlHandle
    {
        return $this->curl ??= curl_init();
    }
}
