<?php
require 'vendor/autoload.php';

use MercadoPago\Client\Payment\PaymentRefundClient;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\MercadoPagoConfig;

// dx-php 3.13.0 declares each refund's amount_refunded_to_payer an int: PHP reports each decimal it cuts
// there (25.5 becomes 25) as deprecated, and where php.ini shows such notices they are printed on
// stdout, in front of the JSON. This program prints the API's own answer, so it turns them off.
error_reporting(error_reporting() & ~E_DEPRECATED);

MercadoPagoConfig::setAccessToken(getenv('MERCADOPAGO_ACCESS_TOKEN'));
$payment_id = (int) getenv('PAYMENT_ID');

$client = new PaymentRefundClient();

try {
    // A read: it changes nothing, so it needs no idempotency key.
    $refunds = $client->list($payment_id);
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

// The API's whole answer: a JSON array of the payment's refunds, oldest first ([] if there are none);
// $refunds->data holds them as objects. The SDK decodes it with json_decode(…, true), which gives an
// empty JSON object back as an empty array: each "metadata" is made an object again, or it would print as [].
$answer = array_map(function (array $refund): array {
    if (is_array($refund['metadata'] ?? null)) {
        $refund['metadata'] = (object) $refund['metadata'];
    }
    return $refund;
}, $refunds->getResponse()->getContent());
echo json_encode($answer), PHP_EOL;
