<?php

namespace MercadoPago\Client\Common;

/**
 * Per-call settings: an access token, a connect timeout (ms) and extra headers, each used instead
 * of the MercadoPagoConfig value when given.
 *
 * The extra headers are header LINES, e.g. ['X-Idempotency-Key: abc']: that is how the client
 * uses them, whatever the SDK's docblock (array<string,string>) says. MercadoPagoClient describes
 * what happens to an associative array.
 *
 * Left out: the SDK's per-call retry tuning (setMaxRetries, setRetryOn, setInitialDelayMs,
 * setMaxDelayMs, setJitter, setOnRetry). Every call retries by the global settings.
 */
class RequestOptions
{
    /** The statuses a request is sent again for. */
    public const DEFAULT_RETRY_ON = [429, 500, 502, 503, 504];
    /** No wait between retries is longer than this (ms). */
    public const DEFAULT_MAX_DELAY_MS = 30000;
    public const DEFAULT_MAX_RETRIES = 3;
    public const DEFAULT_TIMEOUT_MS = 60000;

    private ?string $token;
    private ?int $timeout_ms;
    private ?array $header_lines;

    public function __construct(?string $access_token = null, ?int $connection_timeout = null, ?array $custom_headers = null)
    {
        $this->token = $access_token;
        $this->timeout_ms = $connection_timeout;
        $this->header_lines = $custom_headers;
    }

    public function setAccessToken(string $access_token): void
    {
        $this->token = $access_token;
    }

    public function getAccessToken(): ?string
    {
        return $this->token;
    }

    public function setCustomHeaders(array $custom_headers): void
    {
        $this->header_lines = $custom_headers;
    }

    public function getCustomHeaders(): ?array
    {
        return $this->header_lines;
    }

    public function setConnectionTimeout(int $connection_timeout): void
    {
        $this->timeout_ms = $connection_timeout;
    }

    public function getConnectionTimeout(): ?int
    {
        return $this->timeout_ms;
    }
}
