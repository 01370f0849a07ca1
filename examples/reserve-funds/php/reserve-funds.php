<?php
require 'vendor/autoload.php';

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\Payment\PaymentClient;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\MercadoPagoConfig;

MercadoPagoConfig::setAccessToken(getenv('MERCADOPAGO_ACCESS_TOKEN'));

// A new key for every reserve; reuse it only to retry this same request.
$request_options = new RequestOptions();
$request_options->setCustomHeaders(['X-Idempotency-Key: ' . bin2hex(random_bytes(16))]);

$client = new PaymentClient();

try {
    $payment = $client->create([
        'transaction_amount' => 100,
        'token' => getenv('CARD_TOKEN'),
        'description' => 'Reserve',
        'installments' => 1,
        'payment_method_id' => 'visa',
        'payer' => ['email' => 'test_user_123@testuser.com'],
        // Only authorize: the amount stays reserved on the card until it is captured or cancelled.
        'capture' => false,
    ], $request_options);
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
