<?php
require 'vendor/autoload.php';

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\Payment\PaymentClient;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\MercadoPagoConfig;

MercadoPagoConfig::setAccessToken(getenv('MERCADOPAGO_ACCESS_TOKEN'));
$payment_id = (int) getenv('PAYMENT_ID');

// A new key for every cancellation; reuse it only to retry this same request.
$request_options = new RequestOptions();
$request_options->setCustomHeaders(['X-Idempotency-Key: ' . bin2hex(random_bytes(16))]);

$client = new PaymentClient();

try {
    // Only a payment not yet approved (pending, in_process, authorized) can be cancelled;
    // an approved one is refunded instead (cancelling it is 400, cause 2018).
    $payment = $client->cancel($payment_id, $request_options);
} catch (MPApiException $e) {
    fwrite(STDERR, 'Mercado Pago API error ' . $e->getStatusCode() . ': '
        . json_encode($e->getApiResponse()->getContent()) . PHP_EOL);
    exit(1);
} catch (\Exception $e) {
    // No answer at all (no network, DNS, refused, TLS): after its retries the SDK throws a
    // plain \Exception carrying cURL's message.
    fwrite(STDERR, 'Could not reach Mercado Pago: ' . $e->getMessage() . PHP_EOL);
    exit(1);
}

// The API's whole answer. The SDK decodes it into an array, so an empty object ("metadata") prints as [].
echo json_encode($payment->getResponse()->getContent()), PHP_EOL;
