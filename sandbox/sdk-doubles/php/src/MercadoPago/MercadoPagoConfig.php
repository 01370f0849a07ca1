<?php

namespace MercadoPago;

use MercadoPago\Net\MPDefaultHttpClient;
use MercadoPago\Net\MPHttpClient;

/**
 * Test double of MercadoPago\MercadoPagoConfig (dx-php 3.13.0, src/MercadoPago/MercadoPagoConfig.php).
 * Global, static, SDK-wide settings. Same names, defaults and types as the real class.
 */
class MercadoPagoConfig
{
    public static string $CURRENT_VERSION = "3.13.0";

    /** Like the real SDK: a public static, not read from any environment variable. */
    public static string $BASE_URL = "https://api.mercadopago.com";

    /** Sent as X-Product-Id (same value as the real SDK). */
    public static string $PRODUCT_ID = "BC32A7RU643001OI3940";

    public const LOCAL = 'local';
    public const SERVER = 'server';

    private static string $runtime_enviroment = self::SERVER;
    private static string $access_token = "";
    private static string $integrator_id = "";
    private static string $corporation_id = "";
    private static string $platform_id = "";
    private static int $max_retries = 3;
    /** Base retry delay in ms; the delay doubles on every attempt. */
    private static int $retry_delay = 500;
    private static int $max_connections = 10;
    /** ms, used as CURLOPT_CONNECTTIMEOUT_MS. */
    private static int $connection_timeout = 20000;
    private static ?MPHttpClient $http_client = null;

    /** Lazily creates one shared cURL client (so one cURL handle is reused by all requests). */
    public static function getHttpClient(): MPHttpClient
    {
        return self::$http_client ??= new MPDefaultHttpClient();
    }

    public static function setHttpClient(MPHttpClient $http_client): void
    {
        self::$http_client = $http_client;
    }

    public static function getAccessToken(): string
    {
        return self::$access_token;
    }

    public static function setAccessToken(string $access_token): void
    {
        self::$access_token = $access_token;
    }

    public static function getIntegratorId(): string
    {
        return self::$integrator_id;
    }

    public static function setIntegratorId(string $integrator_id): void
    {
        self::$integrator_id = $integrator_id;
    }

    public static function getCorporationId(): string
    {
        return self::$corporation_id;
    }

    public static function setCorporationId(string $corporation_id): void
    {
        self::$corporation_id = $corporation_id;
    }

    public static function getPlatformId(): string
    {
        return self::$platform_id;
    }

    public static function setPlatformId(string $platform_id): void
    {
        self::$platform_id = $platform_id;
    }

    public static function getMaxRetries(): int
    {
        return self::$max_retries;
    }

    public static function setMaxRetries(int $max_retries): void
    {
        self::$max_retries = $max_retries;
    }

    public static function getRetryDelay(): int
    {
        return self::$retry_delay;
    }

    public static function setRetryDelay(int $retry_delay): void
    {
        self::$retry_delay = $retry_delay;
    }

    public static function getMaxConnections(): int
    {
        return self::$max_connections;
    }

    public static function setMaxConnections(int $max_connections): void
    {
        self::$max_connections = $max_connections;
    }

    public static function getConnectionTimeout(): int
    {
        return self::$connection_timeout;
    }

    public static function setConnectionTimeout(int $connection_timeout): void
    {
        self::$connection_timeout = $connection_timeout;
    }

    public static function getRuntimeEnviroment(): string
    {
        return self::$runtime_enviroment;
    }

    /** LOCAL turns TLS verification off (as in the real SDK); SERVER is the default. */
    public static function setRuntimeEnviroment(string $enviroment): void
    {
        if ($enviroment !== self::LOCAL && $enviroment !== self::SERVER) {
            // Shortcut: the real SDK throws its own MercadoPago\Exceptions\InvalidArgumentException
            // (a subclass of PHP's \InvalidArgumentException); the double throws the PHP base class.
            throw new \InvalidArgumentException("Enviroment must be equal to MercadoPagoConfig::LOCAL or MercadoPagoConfig::SERVER.");
        }
        self::$runtime_enviroment = $enviroment;
    }
}
