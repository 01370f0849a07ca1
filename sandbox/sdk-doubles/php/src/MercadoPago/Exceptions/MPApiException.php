<?php

namespace MercadoPago\Exceptions;

use Exception;
use MercadoPago\Net\MPResponse;

/**
 * Test double of MercadoPago\Exceptions\MPApiException (dx-php 3.13.0,
 * src/MercadoPago/Exceptions/MPApiException.php). Thrown for any non-2xx answer (in practice one
 * of its per-status subclasses). getApiResponse()->getContent() is the decoded error body
 * (array: message, error, status, cause[]), getStatusCode() the HTTP status.
 * getMessage() is always "Api error. Check response for details"; getCode() is 0.
 */
class MPApiException extends Exception
{
    private int $status_code;

    private MPResponse $api_response;

    public function __construct(string $message, MPResponse $response)
    {
        parent::__construct($message, 0);
        $this->api_response = $response;
        $this->status_code = $response->getStatusCode();
    }

    public function getApiResponse(): MPResponse
    {
        return $this->api_response;
    }

    public function getStatusCode(): int
    {
        return $this->status_code;
    }
}
