<?php

namespace MercadoPago\Client;

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\HttpMethod;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Net\MPRequest;
use MercadoPago\Net\MPResponse;

/**
 * Test double of MercadoPago\Client\MercadoPagoClient (dx-php 3.13.0,
 * src/MercadoPago/Client/MercadoPagoClient.php): builds the request (headers, token,
 * idempotency key) and hands it to the HTTP client.
 *
 * Header list, in the order the real SDK builds it:
 *   1. the custom headers from RequestOptions, as given;
 *   2. X-Platform-Id / X-Integrator-Id / X-Corporation-Id when configured and not already given;
 *   3. Accept, Content-Type, Authorization, X-Product-Id, User-Agent, X-Tracking-Id, and
 *      X-Idempotency-Key (POST/PUT/PATCH only) unless a custom header line already names it.
 * Default headers are appended even when a custom header has the same name (both are sent).
 *
 * Shortcut: query parameters are accepted but none of the double's callers (create, update,
 * cancel, capture) has any.
 */
class MercadoPagoClient
{
    public function __construct(protected MPHttpClient $http_client)
    {
    }

    protected function send(string $uri, string $method, ?string $payload = null, ?array $query_params = [], ?RequestOptions $request_options = null): MPResponse
    {
        if (!empty($query_params)) {
            $uri .= (str_contains($uri, '?') ? '&' : '?') . http_build_query($query_params);
        }
        $headers = $this->buildHeaders($method, $request_options);
        $timeout = ($request_options?->getConnectionTimeout() ?? 0) > 0
            ? $request_options->getConnectionTimeout()
            : MercadoPagoConfig::getConnectionTimeout();
        return $this->http_client->send(new MPRequest($uri, $method, $payload, $headers, $timeout));
    }

    private function buildHeaders(string $method, ?RequestOptions $request_options): array
    {
        $headers = $request_options?->getCustomHeaders() ?? [];

        foreach (['X-Platform-Id' => MercadoPagoConfig::getPlatformId(),
                  'X-Integrator-Id' => MercadoPagoConfig::getIntegratorId(),
                  'X-Corporation-Id' => MercadoPagoConfig::getCorporationId()] as $name => $value) {
            if ($value !== '' && !self::hasHeaderLine($headers, $name)) {
                $headers[] = "$name: $value";
            }
        }

        $version = MercadoPagoConfig::$CURRENT_VERSION;
        $token = $request_options?->getAccessToken() ?? MercadoPagoConfig::getAccessToken();
        $defaults = [
            'Accept: application/json',
            'Content-Type: application/json; charset=UTF-8',
            'Authorization: Bearer ' . $token,
            'X-Product-Id: ' . MercadoPagoConfig::$PRODUCT_ID,
            'User-Agent: MercadoPago DX-PHP SDK/' . $version,
            'X-Tracking-Id: platform:' . PHP_MAJOR_VERSION . '|' . PHP_VERSION . ',type:SDK' . $version . ',so;',
        ];
        $writes = in_array($method, [HttpMethod::POST, HttpMethod::PUT, HttpMethod::PATCH], true);
        if ($writes && !self::hasHeaderLine($headers, 'X-Idempotency-Key')) {
            $defaults[] = 'X-Idempotency-Key: ' . $this->idempotencyKey($request_options);
        }

        // array_merge, as in the real SDK: string keys of an associative custom-header array survive.
        return array_merge($headers, $defaults);
    }

    /** True when one of the header LINES ("Name: value") has this name (case-insensitive). Keys are ignored. */
    private static function hasHeaderLine(array $headers, string $name): bool
    {
        foreach ($headers as $line) {
            if (strcasecmp(trim(explode(':', $line, 2)[0]), $name) === 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reached only when no custom header LINE names X-Idempotency-Key. Mirrors the real SDK's
     * fallback, which looks for an associative KEY instead:
     * - ['x-idempotency-key' => 'k'] (lower-case key): 'k' is used as the key;
     * - ['X-Idempotency-Key' => 'k'] (any other case): the lookup is case-insensitive but the
     *   read is not, so PHP warns "Undefined array key" and a TypeError is thrown (string
     *   return type, null returned) before anything is sent;
     * - otherwise a random UUID v4.
     */
    private function idempotencyKey(?RequestOptions $request_options): string
    {
        $custom = $request_options?->getCustomHeaders();
        if ($custom !== null && array_key_exists('x-idempotency-key', array_change_key_case($custom))) {
            return $custom['x-idempotency-key'];
        }
        $bytes = random_bytes(16);
        $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }
}
