<?php

namespace MercadoPago\Client\Payment;

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\MercadoPagoClient;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\HttpMethod;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Net\MPResponse;
use MercadoPago\Resources\Payment;
use MercadoPago\Serialization\Serializer;

/**
 * Test double of MercadoPago\Client\Payment\PaymentClient (dx-php 3.13.0,
 * src/MercadoPago/Client/Payment/PaymentClient.php).
 *
 * Every method sends the body json_encode() makes of what it is given (an array, or a request
 * object), parses the answer into a Payment and attaches the MPResponse (getResponse()).
 *
 * Shortcut: only create, update, cancel and capture are implemented; the real class also has
 * get, search and searchAll.
 */
final class PaymentClient extends MercadoPagoClient
{
    private const URL = "/v1/payments";

    private const URL_WITH_ID = "/v1/payments/%s";

    public function __construct(?MPHttpClient $MPHttpClient = null)
    {
        parent::__construct($MPHttpClient ?: MercadoPagoConfig::getHttpClient());
    }

    /**
     * POST /v1/payments with body json_encode($request), sent as given (no defaults added,
     * nothing validated: a missing token is the API's 400, not the SDK's).
     *
     * @throws \MercadoPago\Exceptions\MPApiException on a non-2xx answer
     * @throws \Exception on a transport error (after retries)
     */
    public function create(array $request, ?RequestOptions $request_options = null): Payment
    {
        $response = parent::send(self::URL, HttpMethod::POST, json_encode($request), null, $request_options);
        return self::payment($response);
    }

    /**
     * PUT /v1/payments/{id} with body json_encode($request), e.g. ['capture' => true] for a full
     * capture (capture() cannot send that body in 3.13.0, see below).
     *
     * @throws \MercadoPago\Exceptions\MPApiException on a non-2xx answer
     * @throws \Exception on a transport error (after retries)
     */
    public function update(int $id, array $request, ?RequestOptions $request_options = null): Payment
    {
        $response = parent::send(sprintf(self::URL_WITH_ID, strval($id)), HttpMethod::PUT, json_encode($request), null, $request_options);
        return self::payment($response);
    }

    /**
     * PUT /v1/payments/{id} with body {"status":"cancelled"}.
     *
     * @throws \MercadoPago\Exceptions\MPApiException on a non-2xx answer (a subclass per status, e.g. MPBadRequestException for 400)
     * @throws \Exception on a transport error (after retries)
     */
    public function cancel(int $id, ?RequestOptions $request_options = null): Payment
    {
        $response = parent::send(sprintf(self::URL_WITH_ID, strval($id)), HttpMethod::PUT, json_encode(new PaymentCancelRequest()), null, $request_options);
        return self::payment($response);
    }

    /**
     * PUT /v1/payments/{id} with body {"capture":true,"transaction_amount":<amount>}.
     *
     * The signature is the real one: $amount has NO default, so capture($id) throws an
     * ArgumentCountError and capture($id, $request_options) a TypeError (RequestOptions is not
     * ?float). The real docblock says null captures the whole reserve, but null goes into the
     * non-nullable PaymentCaptureRequest::$transaction_amount and throws a TypeError before
     * anything is sent. An int amount is coerced to float; json_encode(75.0) gives 75.
     *
     * @throws \TypeError when $amount is null
     * @throws \MercadoPago\Exceptions\MPApiException on a non-2xx answer
     * @throws \Exception on a transport error (after retries)
     */
    public function capture(int $id, ?float $amount, ?RequestOptions $request_options = null): Payment
    {
        $payload = new PaymentCaptureRequest();
        $payload->transaction_amount = $amount;
        $response = parent::send(sprintf(self::URL_WITH_ID, strval($id)), HttpMethod::PUT, json_encode($payload), null, $request_options);
        return self::payment($response);
    }

    /** The real class repeats these three lines in every method. */
    private static function payment(MPResponse $response): Payment
    {
        $payment = Serializer::deserializeFromJson(Payment::class, $response->getContent());
        $payment->setResponse($response);
        return $payment;
    }
}
