<?php

namespace MercadoPago;

use MercadoPago\Exceptions\InvalidArgumentException;
use MercadoPago\Net\MPDefaultHttpClient;
use MercadoPago\Net\MPHttpClient;

/**
 * SDK-wide settings of the dx-php 3.13.0 double, all static. The public names, types and
 * defaults are the SDK's; here every private setting lives in one table, $settings.
 */
class MercadoPagoConfig
{
    public const LOCAL = 'local';
    public const SERVER = 'server';

    public static string $BASE_URL = "https://api.mercadopago.com";
    public static string $CURRENT_VERSION = "3.13.0";
    public static string $PRODUCT_ID = "BC32A7RU643001OI3940";

    /** The defaults the SDK ships with. Times are in milliseconds. */
    private static array $settings = [
        'access_token' => '',
        'platform_id' => '',
        'integrator_id' => '',
        'corporation_id' => '',
        'runtime' => self::SERVER,
        'connect_timeout_ms' => 20000,
        'max_connections' => 10,
        'retries' => 3,
        'first_retry_wait_ms' => 500,
    ];

    private static ?MPHttpClient $client = null;

    // ---- credentials and tracking ids (the ids become X-*-Id headers when set)

    public static function setAccessToken(string $access_token): void
    {
        self::$settings['access_token'] = $access_token;
    }

    public static function getAccessToken(): string
    {
        return self::$settings['access_token'];
    }

    public static function setPlatformId(string $platform_id): void
    {
        self::$settings['platform_id'] = $platform_id;
    }

    public static function getPlatformId(): string
    {
        return self::$settings['platform_id'];
    }

    public static function setIntegratorId(string $integrator_id): void
    {
        self::$settings['integrator_id'] = $integrator_id;
    }

    public static function getIntegratorId(): string
    {
        return self::$settings['integrator_id'];
    }

    public static function setCorporationId(string $corporation_id): void
    {
        self::$settings['corporation_id'] = $corporation_id;
    }

    public static function getCorporationId(): string
    {
        return self::$settings['corporation_id'];
    }

    // ---- transport

    /** One client for the whole process, made on first use, so every request shares one cURL handle. */
    public static function getHttpClient(): MPHttpClient
    {
        if (self::$client === null) {
            self::$client = new MPDefaultHttpClient();
        }
        return self::$client;
    }

    public static function setHttpClient(MPHttpClient $http_client): void
    {
        self::$client = $http_client;
    }

    /** How many times a failed request is sent again (3): after a transport error or a 429/5xx answer. */
    public static function setMaxRetries(int $max_retries): void
    {
        self::$settings['retries'] = $max_retries;
    }

    public static function getMaxRetries(): int
    {
        return self::$settings['retries'];
    }

    /** The wait before the first retry (500 ms); each later wait is twice the one before. */
    public static function setRetryDelay(int $retry_delay): void
    {
        self::$settings['first_retry_wait_ms'] = $retry_delay;
    }

    public static function getRetryDelay(): int
    {
        return self::$settings['first_retry_wait_ms'];
    }

    /** CURLOPT_CONNECTTIMEOUT_MS, 20 s. */
    public static function setConnectionTimeout(int $connection_timeout): void
    {
        self::$settings['connect_timeout_ms'] = $connection_timeout;
    }

    public static function getConnectionTimeout(): int
    {
        return self::$settings['connect_timeout_ms'];
    }

    /** CURLOPT_MAXCONNECTS, 10. */
    public static function setMaxConnections(int $max_connections): void
    {
        self::$settings['max_connections'] = $max_connections;
    }

    public static function getMaxConnections(): int
    {
        return self::$settings['max_connections'];
    }

    /** LOCAL switches TLS verification off; SERVER (the default) keeps it. The spelling is the SDK's. */
    public static function setRuntimeEnviroment(string $enviroment): void
    {
        if (!in_array($enviroment, [self::LOCAL, self::SERVER], true)) {
            throw new InvalidArgumentException("Enviroment must be equal to MercadoPagoConfig::LOCAL or MercadoPagoConfig::SERVER.");
        }
        self::$settings['runtime'] = $enviroment;
    }

    public static function getRuntimeEnviroment(): string
    {
        return self::$settings['runtime'];
    }
}
