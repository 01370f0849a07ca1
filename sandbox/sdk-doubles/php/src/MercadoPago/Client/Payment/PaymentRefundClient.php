<?php

namespace MercadoPago\Client\Payment;

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\MercadoPagoClient;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\HttpMethod;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Net\MPResource;
use MercadoPago\Net\MPResponse;
use MercadoPago\Resources\PaymentRefund;
use MercadoPago\Resources\PaymentRefundResult;
use MercadoPago\Serialization\Serializer;

/**
 * The refunds of a payment, /v1/payments/{id}/refunds, as dx-php 3.13.0 calls them:
 *
 *   refundTotal  POST …/refunds with NO body at all (not "{}"): the API refunds what is left;
 *   refund       POST …/refunds {"amount":<float>} (json_encode: 25.5 stays 25.5, 30.0 is sent as 30);
 *   get          GET  …/refunds/{refund_id};
 *   list         GET  …/refunds, whose bare JSON array becomes PaymentRefundResult::$data, a list of
 *                Resources\Payment\PaymentRefundListResult (not PaymentRefund).
 *
 * Headers and retries are MercadoPagoClient's: the POSTs get an X-Idempotency-Key of their own
 * when the caller gives none, the GETs get none. Errors are PaymentClient's (MPApiException
 * subclasses by status, a plain \Exception when no answer comes).
 *
 * Every answer is hydrated by Serializer, so a refund's decimal amount_refunded_to_payer (the
 * property is ?int in 3.13.0) is PHP's "Implicit conversion from float … to int loses precision"
 * deprecation, and the property keeps the whole part. getResponse()->getContent() has the exact body.
 */
final class PaymentRefundClient extends MercadoPagoClient
{
    public function __construct(?MPHttpClient $MPHttpClient = null)
    {
        // As PaymentClient: the process-wide client, and its cURL handle, unless one is given.
        parent::__construct($MPHttpClient ?: MercadoPagoConfig::getHttpClient());
    }

    /** A refund of $amount (a decimal, not cents), at most what is left of the payment. */
    public function refund(int $payment_id, float $amount, ?RequestOptions $request_options = null): PaymentRefund
    {
        $body = new PaymentRefundCreateRequest();
        $body->amount = $amount;
        $answer = $this->send(self::refundsOf($payment_id), HttpMethod::POST, json_encode($body), null, $request_options);
        return self::resource(PaymentRefund::class, $answer->getContent(), $answer);
    }

    /** A refund of everything that is left: the request carries no body. */
    public function refundTotal(int $payment_id, ?RequestOptions $request_options = null): PaymentRefund
    {
        $answer = $this->send(self::refundsOf($payment_id), HttpMethod::POST, null, null, $request_options);
        return self::resource(PaymentRefund::class, $answer->getContent(), $answer);
    }

    public function get(int $payment_id, int $refund_id, ?RequestOptions $request_options = null): PaymentRefund
    {
        $answer = $this->send(self::refundsOf($payment_id) . "/$refund_id", HttpMethod::GET, null, null, $request_options);
        return self::resource(PaymentRefund::class, $answer->getContent(), $answer);
    }

    /** The payment's refunds, oldest first, in ->data; getResponse()->getContent() is the array itself. */
    public function list(int $payment_id, ?RequestOptions $request_options = null): PaymentRefundResult
    {
        $answer = $this->send(self::refundsOf($payment_id), HttpMethod::GET, null, null, $request_options);
        // The wrapping key makes the whole list one resource, even when it is empty.
        return self::resource(PaymentRefundResult::class, ['data' => $answer->getContent()], $answer);
    }

    private static function refundsOf(int $payment_id): string
    {
        return "/v1/payments/$payment_id/refunds";
    }

    private static function resource(string $class, array $fields, MPResponse $answer): MPResource
    {
        $resource = Serializer::deserializeFromJson($class, $fields);
        $resource->setResponse($answer);
        return $resource;
    }
}
