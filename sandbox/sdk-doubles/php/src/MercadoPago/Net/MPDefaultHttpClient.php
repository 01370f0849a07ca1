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
 * Test double of MercadoPago\Net\MPDefaultHttpClient (dx-php 3.13.0, src/MercadoPago/Net/MPDefaultHttpClient.php).
 *
 * - One request = one curl_exec on the (reused) handle, URL = MercadoPagoConfig::$BASE_URL . path.
 *   TLS trust is libcurl's: its built-in CA bundle, or php.ini curl.cainfo (CURL_CA_BUNDLE /
 *   SSL_CERT_FILE are not read by PHP's cURL). No total timeout, only a connect timeout.
 * - Non-2xx: throws an MPApiException subclass chosen by status (400 MPBadRequestException,
 *   401 MPAuthenticationException, 404 MPNotFoundException, 5xx MPServerException, ...).
 * - Retries: up to MercadoPagoConfig::getMaxRetries() (3) more attempts on 429/500/502/503/504
 *   and on transport errors, resending the SAME request (same headers, so the same
 *   X-Idempotency-Key); waits 500 ms, 1 s, 2 s (base MercadoPagoConfig::getRetryDelay(), doubled
 *   each time, capped at 30 s, no jitter). Retry-After is NOT honoured (as in the real SDK).
 *   Other 4xx are thrown at once.
 * - A transport error (DNS, refused, TLS) becomes a plain \Exception with curl's message.
 *
 * Shortcut: no onRetry callback and no per-request retry settings.
 */
class MPDefaultHttpClient implements MPHttpClient
{
    private HttpRequest $httpRequest;

    public function __construct(?HttpRequest $httpRequest = null)
    {
        $this->httpRequest = $httpRequest ?? new CurlRequest();
    }

    public function send(MPRequest $request): MPResponse
    {
        $max_retries = MercadoPagoConfig::getMaxRetries();
        $base_delay_ms = MercadoPagoConfig::getRetryDelay() ?: 200;
        if ($max_retries < 0) {
            // The real loop runs attempts 0..max_retries, i.e. none at all when negative.
            throw new Exception("Error processing request. Please try again.");
        }

        for ($attempt = 0; ; $attempt++) {
            try {
                return $this->sendOnce($request);
            } catch (MPApiException $e) {
                $retryable = in_array($e->getApiResponse()->getStatusCode(), RequestOptions::DEFAULT_RETRY_ON, true);
                if (!$retryable || $attempt >= $max_retries) {
                    throw $e;
                }
            } catch (Exception $e) {
                if ($attempt >= $max_retries) {
                    throw $e;
                }
            }
            $delay_ms = min((int) ($base_delay_ms * 2 ** $attempt), RequestOptions::DEFAULT_MAX_DELAY_MS);
            if ($delay_ms > 0) {
                usleep($delay_ms * 1000);
            }
        }
    }

    private function sendOnce(MPRequest $request): MPResponse
    {
        $options = [
            CURLOPT_URL => MercadoPagoConfig::$BASE_URL . $request->getUri(),
            CURLOPT_CUSTOMREQUEST => $request->getMethod(),
            CURLOPT_HTTPHEADER => $request->getHeaders(),
            CURLOPT_POSTFIELDS => $request->getPayload(),
            CURLOPT_CONNECTTIMEOUT_MS => $request->getConnectionTimeout() ?: MercadoPagoConfig::getConnectionTimeout(),
            CURLOPT_MAXCONNECTS => MercadoPagoConfig::getMaxConnections(),
            CURLOPT_RETURNTRANSFER => true,
        ];
        if (MercadoPagoConfig::getRuntimeEnviroment() === MercadoPagoConfig::LOCAL) {
            $options[CURLOPT_SSL_VERIFYHOST] = false;
            $options[CURLOPT_SSL_VERIFYPEER] = false;
        }
        $this->httpRequest->setOptionArray($options);

        $body = $this->httpRequest->execute();
        $status = $this->httpRequest->getInfo(CURLINFO_HTTP_CODE);
        // Decoded before the transport check, as in the real SDK: a JSON body that is not an
        // object/array (e.g. "ok") makes this constructor throw a TypeError.
        $response = new MPResponse($status, json_decode($body, true));

        if ($body === false) {
            throw new Exception($this->httpRequest->error());
        }
        if ($status < 200 || $status >= 300) {
            throw self::apiException($status, $response);
        }
        return $response;
    }

    private static function apiException(int $status, MPResponse $response): MPApiException
    {
        $message = "Api error. Check response for details";
        return match (true) {
            $status === 400 => new MPBadRequestException($message, $response),
            $status === 401 => new MPAuthenticationException($message, $response),
            $status === 402 => new MPPaymentException($message, $response),
            $status === 403 => new MPForbiddenException($message, $response),
            $status === 404 => new MPNotFoundException($message, $response),
            $status === 409 => new MPIdempotencyException($message, $response),
            $status === 422 => new MPValidationException($message, $response),
            $status === 423 => new MPResourceLockedException($message, $response),
            $status === 424 => new MPDependencyException($message, $response),
            // Like the real SDK, Retry-After is not passed on: getRetryAfter() is always null.
            $status === 429 => new MPRateLimitException($message, $response),
            $status >= 500 => new MPServerException($message, $response),
            default => new MPApiException($message, $response),
        };
    }
}
