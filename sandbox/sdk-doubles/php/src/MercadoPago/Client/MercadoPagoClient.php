<?php

namespace MercadoPago\Client;

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\HttpMethod;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Net\MPRequest;
use MercadoPago\Net\MPResponse;

/**
 * Base of the API clients: turns (path, verb, JSON body, options) into one MPRequest and hands it
 * to the HTTP client.
 *
 * The header list dx-php 3.13.0 sends, in this order:
 *   1. the RequestOptions custom headers, as given;
 *   2. X-Platform-Id, X-Integrator-Id, X-Corporation-Id, each only when configured and not among 1.;
 *   3. Accept, Content-Type, Authorization, X-Product-Id, User-Agent, X-Tracking-Id;
 *   4. for POST, PUT and PATCH, X-Idempotency-Key, unless a line of 1. already names it.
 * A custom line with the same name as one of 3. does not replace it: both are sent.
 */
class MercadoPagoClient
{
    public function __construct(protected MPHttpClient $http_client)
    {
    }

    protected function send(string $uri, string $method, ?string $payload = null, ?array $query_params = [], ?RequestOptions $request_options = null): MPResponse
    {
        if ($query_params) {
            // No caller in this double passes any; kept so the signature means what it says.
            $uri .= (str_contains($uri, '?') ? '&' : '?') . http_build_query($query_params);
        }
        $timeout = $request_options?->getConnectionTimeout();
        $request = new MPRequest(
            $uri,
            $method,
            $payload,
            self::headerLines($method, $request_options),
            $timeout > 0 ? $timeout : MercadoPagoConfig::getConnectionTimeout(),
        );
        return $this->http_client->send($request);
    }

    private static function headerLines(string $method, ?RequestOptions $options): array
    {
        $given = $options?->getCustomHeaders() ?? [];
        $named = array_map(static fn ($line) => strtolower(trim(explode(':', $line, 2)[0])), $given);

        $tracking = [];
        $ids = [
            'X-Platform-Id' => MercadoPagoConfig::getPlatformId(),
            'X-Integrator-Id' => MercadoPagoConfig::getIntegratorId(),
            'X-Corporation-Id' => MercadoPagoConfig::getCorporationId(),
        ];
        foreach ($ids as $name => $id) {
            if ($id !== '' && !in_array(strtolower($name), $named, true)) {
                $tracking[] = "$name: $id";
            }
        }

        $sdk = MercadoPagoConfig::$CURRENT_VERSION;
        $fixed = [
            'Accept: application/json',
            'Content-Type: application/json; charset=UTF-8',
            'Authorization: Bearer ' . ($options?->getAccessToken() ?? MercadoPagoConfig::getAccessToken()),
            'X-Product-Id: ' . MercadoPagoConfig::$PRODUCT_ID,
            'User-Agent: MercadoPago DX-PHP SDK/' . $sdk,
            sprintf('X-Tracking-Id: platform:%d|%s,type:SDK%s,so;', PHP_MAJOR_VERSION, PHP_VERSION, $sdk),
        ];
        $writes = [HttpMethod::POST, HttpMethod::PUT, HttpMethod::PATCH];
        if (in_array($method, $writes, true) && !in_array('x-idempotency-key', $named, true)) {
            $fixed[] = 'X-Idempotency-Key: ' . self::idempotencyKey($given);
        }

        // array_merge renumbers the list but keeps string keys: an associative custom-header
        // array reaches cURL as it was given, and cURL skips the elements that have no colon.
        return array_merge($given, $tracking, $fixed);
    }

    /**
     * Only reached when no custom header LINE names X-Idempotency-Key. dx-php then looks for an
     * array KEY of that name, case-insensitively, but reads it back in lower case only:
     *  - ['x-idempotency-key' => 'k'] uses 'k';
     *  - ['X-Idempotency-Key' => 'k'] reads a missing element ("Undefined array key" warning),
     *    and the null it gets breaks the string return type: a TypeError, before anything is sent;
     *  - otherwise a random UUID v4.
     */
    private static function idempotencyKey(array $given): string
    {
        if (array_key_exists('x-idempotency-key', array_change_key_case($given))) {
            return $given['x-idempotency-key'];
        }
        $hex = bin2hex(random_bytes(16));
        $hex[12] = '4';
        $hex[16] = '89ab'[hexdec($hex[16]) & 3];
        return implode('-', [substr($hex, 0, 8), substr($hex, 8, 4), substr($hex, 12, 4), substr($hex, 16, 4), substr($hex, 20)]);
    }
}
