<?php

namespace MercadoPago\Client\Payment;

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\MercadoPagoClient;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\HttpMethod;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Resources\Payment;
use MercadoPago\Serialization\Serializer;

/**
 * The Payments API, /v1/payments. Every method sends json_encode() of what it is given, as it
 * is (no defaults added, nothing checked: a missing card token is the API's 400, not ours), and
 * returns the answer as a Payment whose getResponse() is the MPResponse.
 *
 * Each method throws an MPApiException subclass for a non-2xx answer and, when no answer comes
 * at all (after the retries), a plain \Exception with cURL's message.
 *
 * Left out: get, search and searchAll.
 */
final class PaymentClient extends MercadoPagoClient
{
    private const PAYMENTS = "/v1/payments";

    public function __construct(?MPHttpClient $MPHttpClient = null)
    {
        // Without one of its own, the client shares the process-wide one (and its cURL handle).
        parent::__construct($MPHttpClient ?? MercadoPagoConfig::getHttpClient());
    }

    /** POST /v1/payments. */
    public function create(array $request, ?RequestOptions $request_options = null): Payment
    {
        return $this->call(HttpMethod::POST, self::PAYMENTS, json_encode($request), $request_options);
    }

    /** PUT /v1/payments/{id}. ['capture' => true] captures a whole reserve (capture() cannot, see there). */
    public function update(int $id, array $request, ?RequestOptions $request_options = null): Payment
    {
        return $this->call(HttpMethod::PUT, self::PAYMENTS . "/$id", json_encode($request), $request_options);
    }

    /** PUT /v1/payments/{id} {"status":"cancelled"}. */
    public function cancel(int $id, ?RequestOptions $request_options = null): Payment
    {
        return $this->call(HttpMethod::PUT, self::PAYMENTS . "/$id", json_encode(new PaymentCancelRequest()), $request_options);
    }

    /**
     * PUT /v1/payments/{id} {"capture":true,"transaction_amount":<amount>}; json_encode writes 75.0 as 75.
     *
     * The signature is 3.13.0's: $amount has no default (capture($id) is an ArgumentCountError, and
     * capture($id, $request_options) a TypeError). Its docblock says null captures everything, but
     * PaymentCaptureRequest::$transaction_amount is a plain float, so null is a TypeError raised
     * here, before anything is sent.
     */
    public function capture(int $id, ?float $amount, ?RequestOptions $request_options = null): Payment
    {
        $body = new PaymentCaptureRequest();
        $body->transaction_amount = $amount;
        return $this->call(HttpMethod::PUT, self::PAYMENTS . "/$id", json_encode($body), $request_options);
    }

    private function call(string $verb, string $path, string $json, ?RequestOptions $options): Payment
    {
        $response = $this->send($path, $verb, $json, null, $options);
        $payment = Serializer::deserializeFromJson(Payment::class, $response->getContent());
        $payment->setResponse($response);
        return $payment;
    }
}
