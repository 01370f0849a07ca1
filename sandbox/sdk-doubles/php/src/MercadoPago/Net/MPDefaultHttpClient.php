<?php

namespace MercadoPago\Net;

use Exception;
use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\Exceptions\MPAuthenticationException;
use MercadoPago\Exceptions\MPBadRequestException;
use MercadoPago\Exceptions\MPDependencyException;
use MercadoPago\Exceptions\MPForbiddenException;
use MercadoPago\Exceptions\MPIdempotencyException;
use MercadoPago\Exceptions\MPNotFoundException;
use MercadoPago\Exceptions\MPPaymentException;
use MercadoPago\Exceptions\MPRateLimitException;
use MercadoPago\Exceptions\MPResourceLockedException;
use MercadoPago\Exceptions\MPServerException;
use MercadoPago\Exceptions\MPValidationException;
use MercadoPago\MercadoPagoConfig;

/**
 * dx-php 3.13.0's HTTP client, as it behaves:
 *
 * - One attempt is one execute() on the transport (a single, reused cURL handle by default) of
 *   MercadoPagoConfig::$BASE_URL . path. Only a connect timeout is set, no total timeout. TLS
 *   trust is libcurl's: its built-in bundle or php.ini's curl.cainfo (PHP's cURL does not read
 *   CURL_CA_BUNDLE or SSL_CERT_FILE).
 * - A 2xx answer is returned. Any other status is an MPApiException subclass picked by status.
 * - No answer at all (refused, DNS, TLS, timeout) is a plain \Exception whose message is cURL's
 *   error text, e.g. "Failed to connect to api.mercadopago.com port 443 after 0 ms: Couldn't
 *   connect to server". dx-php declares an MPConnectionException but never throws it.
 * - Transport errors and 429/500/502/503/504 are retried, up to MercadoPagoConfig::getMaxRetries()
 *   (3) times, with the very same request (so the same X-Idempotency-Key). The waits double from
 *   MercadoPagoConfig::getRetryDelay(): 500 ms, 1 s, 2 s, so a dead host fails after about 3.5 s.
 *   No jitter, no cap below 30 s, Retry-After is ignored. Other statuses are thrown at once.
 *
 * Left out: the per-request retry settings and the onRetry callback.
 */
class MPDefaultHttpClient implements MPHttpClient
{
    private HttpRequest $transport;

    public function __construct(?HttpRequest $httpRequest = null)
    {
        $this->transport = $httpRequest ?? new CurlRequest();
    }

    public function send(MPRequest $request): MPResponse
    {
        $retries_left = MercadoPagoConfig::getMaxRetries();
        if ($retries_left < 0) {
            // dx-php makes no attempt at all then, and says only this.
            throw new Exception("Error processing request. Please try again.");
        }
        // A retry delay of 0 means dx-php's own default, 200 ms.
        $wait_ms = MercadoPagoConfig::getRetryDelay() ?: 200;

        while (true) {
            try {
                return $this->attempt($request);
            } catch (Exception $failure) {
                if ($retries_left === 0 || !self::isRetryable($failure)) {
                    throw $failure;
                }
            }
            $retries_left--;
            $pause_ms = min($wait_ms, RequestOptions::DEFAULT_MAX_DELAY_MS);
            if ($pause_ms > 0) {
                usleep($pause_ms * 1000);
            }
            $wait_ms *= 2;
        }
    }

    /** A transport failure always is; an API error only for the statuses in DEFAULT_RETRY_ON. */
    private static function isRetryable(Exception $failure): bool
    {
        return !$failure instanceof MPApiException
            || in_array($failure->getStatusCode(), RequestOptions::DEFAULT_RETRY_ON, true);
    }

    private function attempt(MPRequest $request): MPResponse
    {
        $this->transport->setOptionArray(self::curlOptions($request));
        $body = $this->transport->execute();
        $status = $this->transport->getInfo(CURLINFO_HTTP_CODE);
        // Built before anything else is looked at, as dx-php does: a 2xx body that decodes to a
        // scalar ("ok", 42) is a TypeError here, and no retry.
        $response = new MPResponse($status, json_decode($body, true));
        $failed = $body === false ? $this->transport->error() : null;
        $this->transport->close();

        if ($failed !== null) {
            throw new Exception($failed);
        }
        if ($status >= 200 && $status < 300) {
            return $response;
        }
        throw self::apiError($status, $response);
    }

    private static function curlOptions(MPRequest $request): array
    {
        $options = [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_CUSTOMREQUEST => $request->getMethod(),
            CURLOPT_URL => MercadoPagoConfig::$BASE_URL . $request->getUri(),
            CURLOPT_HTTPHEADER => $request->getHeaders(),
            CURLOPT_POSTFIELDS => $request->getPayload(),
            CURLOPT_CONNECTTIMEOUT_MS => $request->getConnectionTimeout() ?: MercadoPagoConfig::getConnectionTimeout(),
            CURLOPT_MAXCONNECTS => MercadoPagoConfig::getMaxConnections(),
        ];
        if (MercadoPagoConfig::getRuntimeEnviroment() === MercadoPagoConfig::LOCAL) {
            $options += [CURLOPT_SSL_VERIFYHOST => false, CURLOPT_SSL_VERIFYPEER => false];
        }
        return $options;
    }

    /** Every error carries the same message; the class says what went wrong. */
    private static function apiError(int $status, MPResponse $response): MPApiException
    {
        $by_status = [
            400 => MPBadRequestException::class,
            401 => MPAuthenticationException::class,
            402 => MPPaymentException::class,
            403 => MPForbiddenException::class,
            404 => MPNotFoundException::class,
            409 => MPIdempotencyException::class,
            422 => MPValidationException::class,
            423 => MPResourceLockedException::class,
            424 => MPDependencyException::class,
            // dx-php does not pass Retry-After on, so getRetryAfter() is always null.
            429 => MPRateLimitException::class,
        ];
        $class = $by_status[$status] ?? ($status >= 500 ? MPServerException::class : MPApiException::class);
        return new $class("Api error. Check response for details", $response);
    }
}
