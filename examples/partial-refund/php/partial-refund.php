<?php
require 'vendor/autoload.php';

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\Payment\PaymentRefundClient;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\MercadoPagoConfig;

// dx-php 3.13.0 declares the refund's amount_refunded_to_payer an int: PHP reports each decimal it cuts
// there (25.5 becomes 25) as deprecated, and where php.ini shows such notices they are printed on
// stdout, in front of the JSON. This program prints the API's own answer, so it turns them off.
error_reporting(error_reporting() & ~E_DEPRECATED);

MercadoPagoConfig::setAccessToken(getenv('MERCADOPAGO_ACCESS_TOKEN'));
$payment_id = (int) getenv('PAYMENT_ID');
// In the payment's currency, decimals allowed; at most what is left to refund (else 400, cause 2017).
$amount = (float) getenv('REFUND_AMOUNT');

// A new key for every refund; reuse it only to retry this same request, so that a retry cannot refund twice.
$request_options = new RequestOptions();
$request_options->setCustomHeaders(['X-Idempotency-Key: ' . bin2hex(random_bytes(16))]);

$client = new PaymentRefundClient();

try {
    // The payment stays "approved" (partially_refunded) until its refunds add up to the whole amount.
    $refund = $client->refund($payment_id, $amount, $request_options);
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

// The API's whole answer, the refund, with its exact amounts ($refund->amount_refunded_to_payer keeps 25
// of 25.5). The SDK decodes it with json_decode(…, true), which gives an empty JSON object back as an
// empty array: "metadata" is made an object again, or it would print as [].
$answer = $refund->getResponse()->getContent();
if (is_array($answer['metadata'] ?? null)) {
    $answer['metadata'] = (object) $answer['metadata'];
}
echo json_encode($answer), PHP_EOL;
