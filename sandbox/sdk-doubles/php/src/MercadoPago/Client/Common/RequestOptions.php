<?php

namespace MercadoPago\Client\Common;

/**
 * Test double of MercadoPago\Client\Common\RequestOptions (dx-php 3.13.0,
 * src/MercadoPago/Client/Common/RequestOptions.php).
 *
 * Custom headers are a LIST of "Name: value" strings, e.g. ["X-Idempotency-Key: abc"]
 * (the real docblock says array<string,string>, but the client code treats each element
 * as a header line; see MercadoPagoClient for what an associative array does).
 *
 * Shortcut: the per-request retry tuning of the real class (setMaxRetries, setRetryOn,
 * setInitialDelayMs, setMaxDelayMs, setJitter, setOnRetry) is left out; the double always
 * uses the global defaults (3 retries on 429/500/502/503/504).
 */
class RequestOptions
{
    const DEFAULT_MAX_RETRIES = 3;
    const DEFAULT_TIMEOUT_MS = 60000;
    const DEFAULT_MAX_DELAY_MS = 30000;
    const DEFAULT_RETRY_ON = [429, 500, 502, 503, 504];

    public function __construct(
        private ?string $access_token = null,
        private ?int $connection_timeout = null,
        private ?array $custom_headers = null
    ) {
    }

    public function getAccessToken(): string | null
    {
        return $this->access_token;
    }

    public function setAccessToken(string $access_token): void
    {
        $this->access_token = $access_token;
    }

    public function getConnectionTimeout(): int | null
    {
        return $this->connection_timeout;
    }

    public function setConnectionTimeout(int $connection_timeout): void
    {
        $this->connection_timeout = $connection_timeout;
    }

    public function getCustomHeaders(): array | null
    {
        return $this->custom_headers;
    }

    public function setCustomHeaders(array $custom_headers): void
    {
        $this->custom_headers = $custom_headers;
    }
}
