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
 * Test double of MercadoPago\Client\Payment\PaymentClient (dx-php 3.13.0,
 * src/MercadoPago/Client/Payment/PaymentClient.php).
 *
 * Shortcut: only cancel() is implemented; the real class also has create, get, update,
 * capture, search and searchAll.
 */
final class PaymentClient extends MercadoPagoClient
{
    private const URL_WITH_ID = "/v1/payments/%s";

    public function __construct(?MPHttpClient $MPHttpClient = null)
    {
        parent::__construct($MPHttpClient ?: MercadoPagoConfig::getHttpClient());
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
        $payment = Serializer::deserializeFromJson(Payment::class, $response->getContent());
        $payment->setResponse($response);
        return $payment;
    }
}
