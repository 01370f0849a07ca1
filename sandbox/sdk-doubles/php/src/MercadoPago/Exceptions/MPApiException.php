<?php

namespace MercadoPago\Exceptions;

use Exception;
use MercadoPago\Net\MPResponse;

/**
 * A non-2xx answer; in practice one of the per-status subclasses. getMessage() is always
 * "Api error. Check response for details" and getCode() 0: what went wrong is in the answer,
 * getApiResponse()->getContent() (message, error, status, cause[]).
 */
class MPApiException extends Exception
{
    private int $status_code;

    private MPResponse $api_response;

    public function __construct(string $message, MPResponse $response)
    {
        parent::__construct($message);
        $this->status_code = ($this->api_response = $response)->getStatusCode();
    }

    public function getStatusCode(): int
    {
        return $this->status_code;
    }

    public function getApiResponse(): MPResponse
    {
        return $this->api_response;
    }
}
