<?php
// Tests for the mercadopago/dx-php 3.13.0 double (plain PHP, no PHPUnit).
//
//   php -d include_path=<project>/sandbox/sdk-doubles/php -d curl.cainfo=$SANDBOX_CA_FILE tests/run.php [--offline]
//
// Offline tests plug a fake transport into MPDefaultHttpClient (no network).
// Online tests talk to MercadoPagoConfig::$BASE_URL (https://api.mercadopago.com, i.e. the sandbox
// inside the harness) and need MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (an authorized reserve),
// CAPTURED_PAYMENT_ID (an approved payment of 100: cancel -> 400 cause 2018, then refunded),
// MISSING_PAYMENT_ID (404), CARD_TOKEN (an unused token of the approving card), DECLINED_CARD_TOKEN
// (the declining card), CAPTURE_AMOUNT (less than the reserve of 100) and REFUND_AMOUNT (a decimal
// less than 100).
// Online requests sent, in order (each SDK request listed on a "# wire" line at the end, never with
// the token):
//   cancel:  PUT PAYMENT_ID (key given as a header line) 200, PUT CAPTURED_PAYMENT_ID 400,
//            PUT MISSING_PAYMENT_ID (auto key) 404, PUT PAYMENT_ID again (new key) 400 2018,
//            PUT MISSING_PAYMENT_ID (key given as ['x-idempotency-key' => ...]) 404;
//   capture: PUT PAYMENT_ID (cancelled) {"capture":true,"transaction_amount":CAPTURE_AMOUNT} 400 2018;
//   create:  POST reserve with CARD_TOKEN (key K) 201 = R, POST the same with K again (replayed 201),
//            POST the same with a new key 400 2006 (token used), POST without token 400 4000,
//            POST reserve with DECLINED_CARD_TOKEN 201 rejected;
//   capture: PUT R {"capture":true,"transaction_amount":1000} 400 2017,
//            PUT R {"capture":true,"transaction_amount":CAPTURE_AMOUNT} 200, the same again 400 2018,
//            PUT MISSING_PAYMENT_ID 404;
//   full:    POST /v1/card_tokens (plain cURL, test set-up: the run gives one approving token only),
//            POST reserve with it (auto key) 201 = F, PUT F {"capture":true} through update() 200;
//   refunds: POST CAPTURED_PAYMENT_ID/refunds {"amount":1000} 400 2017, {"amount":REFUND_AMOUNT}
//            (key K) 201 = P, the same with K again (replayed 201), GET …/refunds/P 200,
//            GET …/refunds/<unknown> 404 2032, POST …/refunds without a body (auto key) 201 (the rest),
//            the same again 400 2063, GET …/refunds 200 [P, the rest]; GET PAYMENT_ID/refunds 200 [],
//            GET MISSING_PAYMENT_ID/refunds 404, POST MISSING_PAYMENT_ID/refunds {"amount":1} and
//            without a body 404 2000, POST PAYMENT_ID/refunds (the cancelled reserve) 400 2063.
// Prints "N passed, N failed"; exits 1 on any failure.

require_once __DIR__ . '/../vendor/autoload.php';

use MercadoPago\Client\Common\RequestOptions;
use MercadoPago\Client\Payment\PaymentClient;
use MercadoPago\Client\Payment\PaymentRefundClient;
use MercadoPago\Exceptions\MPApiException;
use MercadoPago\Exceptions\MPBadRequestException;
use MercadoPago\Exceptions\MPNotFoundException;
use MercadoPago\Exceptions\MPRateLimitException;
use MercadoPago\Exceptions\MPServerException;
use MercadoPago\MercadoPagoConfig;
use MercadoPago\Net\CurlRequest;
use MercadoPago\Net\HttpRequest;
use MercadoPago\Net\MPDefaultHttpClient;
use MercadoPago\Net\MPHttpClient;
use MercadoPago\Net\MPRequest;
use MercadoPago\Net\MPResource;
use MercadoPago\Net\MPResponse;
use MercadoPago\Resources\Common\Source;
use MercadoPago\Resources\Payment;
use MercadoPago\Resources\Payment\PaymentRefundListResult;
use MercadoPago\Resources\PaymentRefund;
use MercadoPago\Resources\PaymentRefundResult;

$passed = 0;
$failed = 0;
$wire = [];

function check(bool $ok, string $what): void
{
    if (!$ok) {
        throw new RuntimeException($what);
    }
}

function same(mixed $expected, mixed $actual, string $what): void
{
    check($expected === $actual, "$what: expected " . var_export($expected, true) . ', got ' . var_export($actual, true));
}

function test(string $name, callable $body): void
{
    global $passed, $failed;
    try {
        $body();
        $passed++;
        echo "ok - $name\n";
    } catch (Throwable $e) {
        $failed++;
        echo "not ok - $name: " . get_class($e) . ': ' . $e->getMessage() . "\n";
    }
}

/** Calls $fn and returns what it throws (fails if nothing is thrown or the class is wrong). */
function throws(string $class, callable $fn): Throwable
{
    try {
        $fn();
    } catch (Throwable $e) {
        check($e instanceof $class, "expected $class, got " . get_class($e) . ': ' . $e->getMessage());
        return $e;
    }
    throw new RuntimeException("expected $class, nothing thrown");
}

/** Values of the header lines named $name (case-insensitive) in an SDK header list. */
function header_values(array $headers, string $name): array
{
    $values = [];
    foreach ($headers as $line) {
        [$n, $v] = array_pad(explode(':', (string) $line, 2), 2, null);
        if ($v !== null && strcasecmp(trim($n), $name) === 0) {
            $values[] = trim($v);
        }
    }
    return $values;
}

function options(array $headers): RequestOptions
{
    $options = new RequestOptions();
    $options->setCustomHeaders($headers);
    return $options;
}

/** Fake transport: replays queued [status, body] answers (body false = transport failure). */
final class FakeTransport implements HttpRequest
{
    public array $sent = [];
    private array $current = [];
    private array $answer = [0, false];

    public function __construct(private array $answers)
    {
    }

    public function setOptionArray(array $value): void
    {
        $this->current = $value + $this->current;
    }

    public function execute(): bool|string
    {
        $this->sent[] = $this->current;
        $this->answer = array_shift($this->answers) ?? [0, false];
        return $this->answer[1];
    }

    public function getInfo(mixed $name): mixed
    {
        return $this->answer[0];
    }

    public function close(): void
    {
    }

    public function error(): string
    {
        return 'Could not resolve host: fake';
    }
}

/** Wraps an MPHttpClient and keeps every MPRequest it is given (one per call, not per retry). */
final class RecordingClient implements MPHttpClient
{
    public array $requests = [];

    public function __construct(private MPHttpClient $inner)
    {
    }

    public function send(MPRequest $request): MPResponse
    {
        global $wire;
        $this->requests[] = $request;
        $wire[] = ['method' => $request->getMethod(), 'path' => $request->getUri(),
            'idempotency_key' => header_values($request->getHeaders(), 'X-Idempotency-Key')[0] ?? null];
        return $this->inner->send($request);
    }
}

function reserve_json(int $id, string $status, string $detail, bool $captured): string
{
    return json_encode(['id' => $id, 'status' => $status, 'status_detail' => $detail, 'captured' => $captured,
        'issuer_id' => 24, 'transaction_amount' => 100, 'fee_details' => [], 'metadata' => [], 'refunds' => [],
        'payer' => ['id' => 123, 'email' => 'a@b.c', 'identification' => ['type' => 'DNI', 'number' => '12345678']],
        'card' => ['last_four_digits' => '3704', 'expiration_year' => 2030, 'cardholder' => ['name' => 'APRO']],
        'transaction_details' => ['net_received_amount' => 0, 'total_paid_amount' => 100],
        'unknown_field' => 'dropped']);
}

function error_json(int $status, string $error, int $cause): string
{
    return json_encode(['message' => 'm', 'error' => $error, 'status' => $status,
        'cause' => [['code' => $cause, 'description' => 'd', 'data' => null]]]);
}

/** A refund as the sandbox answers it (every field it writes, metadata and external_refund_id included). */
function refund_json(int $id, int $payment_id, float|int $amount): string
{
    return json_encode(['id' => $id, 'payment_id' => $payment_id, 'amount' => $amount, 'metadata' => new stdClass(),
        'source' => ['id' => '1234567890', 'name' => 'Sandbox collector', 'type' => 'collector'],
        'date_created' => '2026-12-03T10:00:00.000-04:00', 'unique_sequence_number' => null, 'refund_mode' => 'standard',
        'adjustment_amount' => 0, 'status' => 'approved', 'reason' => null, 'labels' => [],
        'amount_refunded_to_payer' => $amount, 'partition_details' => [], 'external_refund_id' => null,
        'expiration_date' => null, 'additional_data' => null]);
}

/** The reserve the reserve-funds examples create. */
function reserve_request(string $token): array
{
    return ['transaction_amount' => 100, 'token' => $token, 'description' => 'Reserve', 'installments' => 1,
        'payment_method_id' => 'visa', 'payer' => ['email' => 'test_user_123@testuser.com'], 'capture' => false];
}

/** Calls $fn with warnings silenced (the TypeError cases warn first) and returns what it throws. */
function throws_quietly(string $class, callable $fn): Throwable
{
    set_error_handler(fn () => true);
    try {
        return throws($class, $fn);
    } finally {
        restore_error_handler();
    }
}

$online_only = in_array('--online', $argv, true);
$offline_only = in_array('--offline', $argv, true);
$saved_token = getenv('MERCADOPAGO_ACCESS_TOKEN') ?: '';

// ---------------------------------------------------------------- offline
if (!$online_only) {
    MercadoPagoConfig::setAccessToken('TEST-offline-token');
    MercadoPagoConfig::setRetryDelay(1); // 1 ms, 2 ms, 4 ms instead of 500 ms, 1 s, 2 s

    test('offline: cancel sends PUT {BASE_URL}/v1/payments/{id}, body {"status":"cancelled"}, the SDK headers in order', function () {
        $fake = new FakeTransport([[200, reserve_json(42, 'cancelled', 'by_collector', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(42, options(['X-Idempotency-Key: key-42']));
        same(1, count($fake->sent), 'requests');
        $o = $fake->sent[0];
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/42', $o[CURLOPT_URL], 'url');
        same('PUT', $o[CURLOPT_CUSTOMREQUEST], 'method');
        same('{"status":"cancelled"}', $o[CURLOPT_POSTFIELDS], 'body');
        same([
            'X-Idempotency-Key: key-42',
            'Accept: application/json',
            'Content-Type: application/json; charset=UTF-8',
            'Authorization: Bearer TEST-offline-token',
            'X-Product-Id: BC32A7RU643001OI3940',
            'User-Agent: MercadoPago DX-PHP SDK/3.13.0',
            'X-Tracking-Id: platform:' . PHP_MAJOR_VERSION . '|' . PHP_VERSION . ',type:SDK3.13.0,so;',
        ], $o[CURLOPT_HTTPHEADER], 'headers');
        same(20000, $o[CURLOPT_CONNECTTIMEOUT_MS], 'connect timeout');
    });

    test('offline: without RequestOptions an X-Idempotency-Key UUID v4 is generated, a new one per call', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)], [200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        $client = new PaymentClient(new MPDefaultHttpClient($fake));
        $client->cancel(1);
        $client->cancel(1, new RequestOptions());
        $k1 = header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'X-Idempotency-Key');
        $k2 = header_values($fake->sent[1][CURLOPT_HTTPHEADER], 'X-Idempotency-Key');
        same(1, count($k1), 'key headers');
        check((bool) preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $k1[0]), "uuid v4: $k1[0]");
        check($k1 !== $k2, 'keys differ between calls');
    });

    test('offline: a header line in any case ("x-idempotency-key: k") replaces the generated key', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(1, options(['x-idempotency-key: lower-line']));
        same(['lower-line'], header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'keys');
    });

    test('offline: RequestOptions access token overrides the global one', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(1, new RequestOptions('TEST-per-request'));
        same(['Bearer TEST-per-request'], header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'Authorization'), 'authorization');
    });

    test('offline: associative ["X-Idempotency-Key" => k] throws TypeError (after an "Undefined array key" warning), nothing sent', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        $warnings = [];
        set_error_handler(function ($no, $msg) use (&$warnings) { $warnings[] = $msg; return true; });
        try {
            $e = throws(TypeError::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(1, options(['X-Idempotency-Key' => 'k'])));
        } finally {
            restore_error_handler();
        }
        check(str_contains($e->getMessage(), 'must be of type string, null returned'), 'message: ' . $e->getMessage());
        same(['Undefined array key "x-idempotency-key"'], $warnings, 'warnings');
        same(0, count($fake->sent), 'requests sent');
    });

    test('offline: associative ["x-idempotency-key" => k] (lower case) sends "X-Idempotency-Key: k" plus a bare "k" line', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(1, options(['x-idempotency-key' => 'assoc-lower']));
        $h = $fake->sent[0][CURLOPT_HTTPHEADER];
        same(['assoc-lower'], header_values($h, 'X-Idempotency-Key'), 'keys');
        same('assoc-lower', $h['x-idempotency-key'], 'the bare value stays in the list (libcurl drops a line without ":")');
    });

    test('offline: associative ["X-Foo" => "bar"] is not sent as X-Foo and a key is still generated', function () {
        $fake = new FakeTransport([[200, reserve_json(1, 'cancelled', 'by_collector', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(1, options(['X-Foo' => 'bar']));
        $h = $fake->sent[0][CURLOPT_HTTPHEADER];
        same([], header_values($h, 'X-Foo'), 'X-Foo');
        same(1, count(header_values($h, 'X-Idempotency-Key')), 'generated key');
    });

    test('offline: 503, 503, 200 -> 3 attempts with identical headers (same key), returns the Payment', function () {
        $fake = new FakeTransport([[503, error_json(503, 'x', 0)], [503, error_json(503, 'x', 0)], [200, reserve_json(7, 'cancelled', 'by_collector', false)]]);
        $p = (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7);
        same(3, count($fake->sent), 'attempts');
        same($fake->sent[0][CURLOPT_HTTPHEADER], $fake->sent[2][CURLOPT_HTTPHEADER], 'headers of first and last attempt');
        same('cancelled', $p->status, 'status');
    });

    test('offline: 500 every time -> 4 attempts, then MPServerException', function () {
        $fake = new FakeTransport(array_fill(0, 5, [500, error_json(500, 'internal_error', 0)]));
        $e = throws(MPServerException::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
        same(4, count($fake->sent), 'attempts');
        same(500, $e->getStatusCode(), 'status');
    });

    test('offline: 429 every time -> 4 attempts, MPRateLimitException, getRetryAfter() null', function () {
        $fake = new FakeTransport(array_fill(0, 5, [429, error_json(429, 'too_many_requests', 0)]));
        $e = throws(MPRateLimitException::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
        same(4, count($fake->sent), 'attempts');
        same(null, $e->getRetryAfter(), 'retry after');
    });

    test('offline: 400 -> no retry, MPBadRequestException with the decoded body', function () {
        $fake = new FakeTransport([[400, error_json(400, 'bad_request', 2018)], [200, '{}']]);
        $e = throws(MPBadRequestException::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
        same(1, count($fake->sent), 'attempts');
        same(400, $e->getApiResponse()->getStatusCode(), 'status');
        same(2018, $e->getApiResponse()->getContent()['cause'][0]['code'], 'cause');
        same('Api error. Check response for details', $e->getMessage(), 'message');
    });

    test('offline: transport failure -> 4 attempts, then \Exception with the cURL message', function () {
        $fake = new FakeTransport([]);
        $e = throws(Exception::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
        check(!($e instanceof MPApiException), 'not an MPApiException');
        same(4, count($fake->sent), 'attempts');
        same('Could not resolve host: fake', $e->getMessage(), 'message');
    });

    test('offline: a refused connection through the real CurlRequest -> 4 attempts, then a plain \Exception with cURL\'s one-line message', function () {
        // A port that was just free: nothing listens on it.
        $server = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
        fclose($server);
        $curl = new class implements HttpRequest {
            public int $attempts = 0;
            private CurlRequest $inner;
            public function __construct() { $this->inner = new CurlRequest(); }
            public function setOptionArray(array $value): void { $this->inner->setOptionArray($value); }
            public function execute(): bool|string { $this->attempts++; return $this->inner->execute(); }
            public function error(): string { return $this->inner->error(); }
            public function getInfo(mixed $name): mixed { return $this->inner->getInfo($name); }
            public function close(): void { $this->inner->close(); }
        };
        $saved = MercadoPagoConfig::$BASE_URL;
        MercadoPagoConfig::$BASE_URL = "https://127.0.0.1:$port";
        try {
            $e = throws(Exception::class, fn () => (new PaymentClient(new MPDefaultHttpClient($curl)))->cancel(7));
        } finally {
            MercadoPagoConfig::$BASE_URL = $saved;
        }
        same(Exception::class, get_class($e), 'class');
        same(4, $curl->attempts, 'attempts');
        check(str_starts_with($e->getMessage(), "Failed to connect to 127.0.0.1 port $port"), 'message: ' . $e->getMessage());
        check(!str_contains($e->getMessage(), "\n"), 'one line');
    });

    test('offline: setMaxRetries(0) -> one attempt; setMaxRetries(-1) -> no attempt, \Exception "Error processing request. Please try again."', function () {
        try {
            MercadoPagoConfig::setMaxRetries(0);
            $fake = new FakeTransport([]);
            $e = throws(Exception::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
            same(1, count($fake->sent), 'attempts with 0 retries');
            same('Could not resolve host: fake', $e->getMessage(), 'message');
            MercadoPagoConfig::setMaxRetries(-1);
            $fake = new FakeTransport([]);
            $e = throws(Exception::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(7));
            same(0, count($fake->sent), 'attempts with -1 retries');
            same('Error processing request. Please try again.', $e->getMessage(), 'message');
        } finally {
            MercadoPagoConfig::setMaxRetries(3);
        }
    });

    test('offline: setRuntimeEnviroment("prod") throws MercadoPago\Exceptions\InvalidArgumentException (an \Exception, not PHP\'s \InvalidArgumentException)', function () {
        $e = throws(MercadoPago\Exceptions\InvalidArgumentException::class, fn () => MercadoPagoConfig::setRuntimeEnviroment('prod'));
        check(!($e instanceof \InvalidArgumentException), 'not PHP\'s InvalidArgumentException');
        same('Enviroment must be equal to MercadoPagoConfig::LOCAL or MercadoPagoConfig::SERVER.', $e->getMessage(), 'message');
        same(MercadoPagoConfig::SERVER, MercadoPagoConfig::getRuntimeEnviroment(), 'unchanged');
    });

    test('offline: the Payment is hydrated like the real SDK (typed, nested objects, coercion, unknown keys dropped)', function () {
        $fake = new FakeTransport([[200, reserve_json(9, 'cancelled', 'by_collector', false)]]);
        $p = (new PaymentClient(new MPDefaultHttpClient($fake)))->cancel(9);
        check($p instanceof Payment, 'Payment');
        same(9, $p->id, 'id');
        same(false, $p->captured, 'captured');
        same(100.0, $p->transaction_amount, 'int amount coerced to float');
        same('24', $p->issuer_id, 'int issuer_id coerced to string');
        check($p->payer instanceof MercadoPago\Resources\Payment\Payer, 'payer object');
        same('123', $p->payer->id, 'payer id coerced to string');
        check($p->payer->identification instanceof MercadoPago\Resources\Common\Identification, 'identification object');
        check($p->card->cardholder instanceof MercadoPago\Resources\Payment\Cardholder, 'cardholder object');
        same([], $p->fee_details, 'empty list stays []');
        check(!property_exists($p, 'unknown_field'), 'unknown key dropped');
        same(200, $p->getResponse()->getStatusCode(), 'response status');
        same('dropped', $p->getResponse()->getContent()['unknown_field'], 'raw body kept in getResponse()');
        $keys = array_keys(json_decode(json_encode($p), true));
        sort($keys);
        same(['captured', 'card', 'fee_details', 'id', 'issuer_id', 'metadata', 'payer', 'refunds', 'status', 'status_detail',
            'transaction_amount', 'transaction_details'], $keys, 'json_encode: only the initialized public props');
        throws(Error::class, fn () => $p->site_id); // absent from the body: uninitialized typed property
    });

    test('offline: create sends POST {BASE_URL}/v1/payments, body json_encode($request) as given, the SDK headers, a generated key', function () {
        $fake = new FakeTransport([[201, reserve_json(5, 'authorized', 'pending_capture', false)]]);
        $p = (new PaymentClient(new MPDefaultHttpClient($fake)))->create(reserve_request('tok'));
        same(1, count($fake->sent), 'requests');
        $o = $fake->sent[0];
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments', $o[CURLOPT_URL], 'url');
        same('POST', $o[CURLOPT_CUSTOMREQUEST], 'method');
        same('{"transaction_amount":100,"token":"tok","description":"Reserve","installments":1,"payment_method_id":"visa",'
            . '"payer":{"email":"test_user_123@testuser.com"},"capture":false}', $o[CURLOPT_POSTFIELDS], 'body');
        $h = $o[CURLOPT_HTTPHEADER];
        same(array_slice($h, 0, 6), [
            'Accept: application/json',
            'Content-Type: application/json; charset=UTF-8',
            'Authorization: Bearer TEST-offline-token',
            'X-Product-Id: BC32A7RU643001OI3940',
            'User-Agent: MercadoPago DX-PHP SDK/3.13.0',
            'X-Tracking-Id: platform:' . PHP_MAJOR_VERSION . '|' . PHP_VERSION . ',type:SDK3.13.0,so;',
        ], 'headers');
        same(7, count($h), 'header count');
        check((bool) preg_match('/^X-Idempotency-Key: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $h[6]), "generated key last: $h[6]");
        same(201, $p->getResponse()->getStatusCode(), 'response status');
        same('pending_capture', $p->status_detail, 'status_detail');
    });

    test('offline: create adds nothing and checks nothing: [] is sent as the JSON array "[]"', function () {
        $fake = new FakeTransport([[400, error_json(400, 'bad_request', 0)]]);
        throws(MPBadRequestException::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->create([]));
        same('[]', $fake->sent[0][CURLOPT_POSTFIELDS], 'body');
    });

    test('offline: create is retried on 503 like any request, with the same key (the API replays, no second payment)', function () {
        $fake = new FakeTransport([[503, error_json(503, 'x', 0)], [201, reserve_json(5, 'authorized', 'pending_capture', false)]]);
        (new PaymentClient(new MPDefaultHttpClient($fake)))->create(reserve_request('tok'), options(['X-Idempotency-Key: create-key']));
        same(2, count($fake->sent), 'attempts');
        same(['create-key'], header_values($fake->sent[1][CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'key on the retry');
        same($fake->sent[0][CURLOPT_POSTFIELDS], $fake->sent[1][CURLOPT_POSTFIELDS], 'same body');
    });

    test('offline: capture(id, amount) sends PUT /v1/payments/{id} {"capture":true,"transaction_amount":N}; an int or a whole float prints without ".0"', function () {
        $answers = array_fill(0, 4, [200, reserve_json(3, 'approved', 'accredited', true)]);
        $fake = new FakeTransport($answers);
        $client = new PaymentClient(new MPDefaultHttpClient($fake));
        $client->capture(3, 75, options(['X-Idempotency-Key: cap-1']));
        $client->capture(3, (float) '75');
        $client->capture(3, 75.5);
        $client->capture(3, 0.1 + 0.2);
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/3', $fake->sent[0][CURLOPT_URL], 'url');
        same('PUT', $fake->sent[0][CURLOPT_CUSTOMREQUEST], 'method');
        same(['{"capture":true,"transaction_amount":75}', '{"capture":true,"transaction_amount":75}',
            '{"capture":true,"transaction_amount":75.5}', '{"capture":true,"transaction_amount":0.30000000000000004}'],
            array_map(fn ($o) => $o[CURLOPT_POSTFIELDS], $fake->sent), 'bodies');
        same(['cap-1'], header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'given key');
        same(1, count(header_values($fake->sent[1][CURLOPT_HTTPHEADER], 'X-Idempotency-Key')), 'generated key');
    });

    test('offline: capture cannot capture the whole reserve in 3.13.0: capture(id, null) is a TypeError before sending', function () {
        $fake = new FakeTransport([[200, reserve_json(3, 'approved', 'accredited', true)]]);
        $e = throws(TypeError::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->capture(3, null));
        same('Cannot assign null to property MercadoPago\Client\Payment\PaymentCaptureRequest::$transaction_amount of type float', $e->getMessage(), 'message');
        same(0, count($fake->sent), 'requests sent');
    });

    test('offline: capture(id) (no amount: ArgumentCountError) and capture(id, $request_options) (the docs\' call: TypeError) send nothing', function () {
        $fake = new FakeTransport([[200, reserve_json(3, 'approved', 'accredited', true)]]);
        $client = new PaymentClient(new MPDefaultHttpClient($fake));
        $e = throws(ArgumentCountError::class, fn () => $client->capture(3));
        check(str_contains($e->getMessage(), 'at least 2 expected'), 'message: ' . $e->getMessage());
        $e = throws(TypeError::class, fn () => $client->capture(3, options(['X-Idempotency-Key: k'])));
        check(str_contains($e->getMessage(), 'Argument #2 ($amount) must be of type ?float, MercadoPago\Client\Common\RequestOptions given'), 'message: ' . $e->getMessage());
        throws(TypeError::class, fn () => $client->capture(3, '75 pesos'));
        same(0, count($fake->sent), 'requests sent');
    });

    test('offline: update(id, ["capture" => true]) sends PUT /v1/payments/{id} {"capture":true} (the full capture)', function () {
        $fake = new FakeTransport([[200, reserve_json(4, 'approved', 'accredited', true)]]);
        $p = (new PaymentClient(new MPDefaultHttpClient($fake)))->update(4, ['capture' => true], options(['X-Idempotency-Key: full-4']));
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/4', $fake->sent[0][CURLOPT_URL], 'url');
        same('PUT', $fake->sent[0][CURLOPT_CUSTOMREQUEST], 'method');
        same('{"capture":true}', $fake->sent[0][CURLOPT_POSTFIELDS], 'body');
        same(['full-4'], header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'key');
        same(true, $p->captured, 'captured');
    });

    test('offline: capture answered 400 (cause 2017) -> MPBadRequestException at once, no retry', function () {
        $fake = new FakeTransport([[400, error_json(400, 'bad_request', 2017)], [200, '{}']]);
        $e = throws(MPBadRequestException::class, fn () => (new PaymentClient(new MPDefaultHttpClient($fake)))->capture(3, 1000));
        same(1, count($fake->sent), 'attempts');
        same(2017, $e->getApiResponse()->getContent()['cause'][0]['code'], 'cause');
    });

    // ------------------------------------------------ refunds (PaymentRefundClient)

    test('offline: refundTotal(id) sends POST {BASE_URL}/v1/payments/{id}/refunds with NO body, the SDK headers and a generated key', function () {
        $fake = new FakeTransport([[201, refund_json(90, 9, 100)]]);
        $r = (new PaymentRefundClient(new MPDefaultHttpClient($fake)))->refundTotal(9);
        same(1, count($fake->sent), 'requests');
        $o = $fake->sent[0];
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/9/refunds', $o[CURLOPT_URL], 'url');
        same('POST', $o[CURLOPT_CUSTOMREQUEST], 'method');
        same(null, $o[CURLOPT_POSTFIELDS], 'body (null: not even "{}")');
        $h = $o[CURLOPT_HTTPHEADER];
        same([
            'Accept: application/json',
            'Content-Type: application/json; charset=UTF-8',
            'Authorization: Bearer TEST-offline-token',
            'X-Product-Id: BC32A7RU643001OI3940',
            'User-Agent: MercadoPago DX-PHP SDK/3.13.0',
            'X-Tracking-Id: platform:' . PHP_MAJOR_VERSION . '|' . PHP_VERSION . ',type:SDK3.13.0,so;',
        ], array_slice($h, 0, 6), 'headers');
        same(7, count($h), 'header count');
        check((bool) preg_match('/^X-Idempotency-Key: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $h[6]), "generated key: $h[6]");
        check($r instanceof PaymentRefund, 'PaymentRefund instance');
        same(201, $r->getResponse()->getStatusCode(), 'HTTP status');
        same(100.0, $r->amount, 'amount (a float)');
        same(100, $r->amount_refunded_to_payer, 'amount_refunded_to_payer');
    });

    test('offline: refund(id, amount) sends {"amount":N} (25.5 as is, 30.0 as 30, "10.5" coerced), with the given key', function () {
        $fake = new FakeTransport([[201, refund_json(91, 9, 25.5)], [201, refund_json(92, 9, 30)], [201, refund_json(93, 9, 10.5)]]);
        $client = new PaymentRefundClient(new MPDefaultHttpClient($fake));
        set_error_handler(fn () => true, E_DEPRECATED);
        try {
            $client->refund(9, 25.5, options(['X-Idempotency-Key: refund-9']));
            $client->refund(9, 30.0);
            $client->refund(9, '10.5');
        } finally {
            restore_error_handler();
        }
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/9/refunds', $fake->sent[0][CURLOPT_URL], 'url');
        same('POST', $fake->sent[0][CURLOPT_CUSTOMREQUEST], 'method');
        same(['{"amount":25.5}', '{"amount":30}', '{"amount":10.5}'], array_map(fn ($o) => $o[CURLOPT_POSTFIELDS], $fake->sent), 'bodies');
        same('X-Idempotency-Key: refund-9', $fake->sent[0][CURLOPT_HTTPHEADER][0], 'the given key, first');
        same(['refund-9'], header_values($fake->sent[0][CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'and only it');
    });

    test('offline: refund(id, null), refund(id) and refund(id, $request_options) are TypeError/ArgumentCountError before sending', function () {
        $fake = new FakeTransport([[201, refund_json(91, 9, 1)]]);
        $client = new PaymentRefundClient(new MPDefaultHttpClient($fake));
        $e = throws(TypeError::class, fn () => $client->refund(9, null));
        check(str_contains($e->getMessage(), 'Argument #2 ($amount) must be of type float, null given'), 'message: ' . $e->getMessage());
        throws(ArgumentCountError::class, fn () => $client->refund(9));
        throws(TypeError::class, fn () => $client->refund(9, options(['X-Idempotency-Key: k'])));
        same(0, count($fake->sent), 'requests sent');
    });

    test('offline: a refund is hydrated as 3.13.0 does: typed, source a Common\Source, metadata dropped, a decimal amount_refunded_to_payer truncated with a deprecation', function () {
        $fake = new FakeTransport([[201, refund_json(94, 9, 25.5)]]);
        $deprecations = [];
        set_error_handler(function ($no, $msg) use (&$deprecations) { $deprecations[] = $msg; return true; }, E_DEPRECATED);
        try {
            $r = (new PaymentRefundClient(new MPDefaultHttpClient($fake)))->refund(9, 25.5);
        } finally {
            restore_error_handler();
        }
        same(['Implicit conversion from float 25.5 to int loses precision'], $deprecations, 'deprecations');
        same(25, $r->amount_refunded_to_payer, 'amount_refunded_to_payer (?int in 3.13.0)');
        same(25.5, $r->amount, 'amount');
        same(94, $r->id, 'id');
        same(9, $r->payment_id, 'payment_id');
        same(0.0, $r->adjustment_amount, 'adjustment_amount (0 coerced to float)');
        same('approved', $r->status, 'status');
        same('standard', $r->refund_mode, 'refund_mode');
        same(null, $r->unique_sequence_number, 'unique_sequence_number');
        same([], $r->labels, 'labels');
        check($r->source instanceof Source, 'source is a Resources\Common\Source');
        same(['1234567890', 'Sandbox collector', 'collector'], [$r->source->id, $r->source->name, $r->source->type], 'source');
        check(!property_exists($r, 'metadata') && !property_exists($r, 'external_refund_id'), 'undeclared keys dropped');
        // The exact answer stays in the response (json_encode writes the empty "metadata" object as []).
        same(25.5, $r->getResponse()->getContent()['amount_refunded_to_payer'], 'raw amount_refunded_to_payer');
        same([], $r->getResponse()->getContent()['metadata'], 'raw metadata');
        // $map is public in 3.13.0's PaymentRefund: json_encode() of the resource shows it.
        same(['source' => Source::class], json_decode(json_encode($r), true)['map'], 'json_encode shows map');
    });

    test('offline: get(id, refund_id) sends GET /v1/payments/{id}/refunds/{refund_id}: no body, no idempotency key', function () {
        $fake = new FakeTransport([[200, refund_json(95, 9, 30)]]);
        $r = (new PaymentRefundClient(new MPDefaultHttpClient($fake)))->get(9, 95);
        $o = $fake->sent[0];
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/9/refunds/95', $o[CURLOPT_URL], 'url');
        same('GET', $o[CURLOPT_CUSTOMREQUEST], 'method');
        same(null, $o[CURLOPT_POSTFIELDS], 'body');
        same([], header_values($o[CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'no key');
        same(6, count($o[CURLOPT_HTTPHEADER]), 'header count');
        check($r instanceof PaymentRefund, 'PaymentRefund instance');
        same(95, $r->id, 'id');
        same(200, $r->getResponse()->getStatusCode(), 'HTTP status');
    });

    test('offline: list(id) sends GET /v1/payments/{id}/refunds; ->data is a list of Payment\PaymentRefundListResult, getContent() the bare array', function () {
        $body = '[' . refund_json(96, 9, 25.5) . ',' . refund_json(97, 9, 30) . ']';
        $fake = new FakeTransport([[200, $body], [200, '[]']]);
        $client = new PaymentRefundClient(new MPDefaultHttpClient($fake));
        set_error_handler(fn () => true, E_DEPRECATED);
        try {
            $list = $client->list(9);
        } finally {
            restore_error_handler();
        }
        $o = $fake->sent[0];
        same(MercadoPagoConfig::$BASE_URL . '/v1/payments/9/refunds', $o[CURLOPT_URL], 'url');
        same('GET', $o[CURLOPT_CUSTOMREQUEST], 'method');
        same([], header_values($o[CURLOPT_HTTPHEADER], 'X-Idempotency-Key'), 'no key');
        check($list instanceof PaymentRefundResult, 'PaymentRefundResult instance');
        same(2, count($list->data), 'items');
        check($list->data[0] instanceof PaymentRefundListResult && !$list->data[0] instanceof PaymentRefund, 'items are PaymentRefundListResult, not PaymentRefund');
        check(!$list->data[0] instanceof MPResource, 'an item has no getResponse()');
        same([96, 97], [$list->data[0]->id, $list->data[1]->id], 'ids, in order');
        same([25, 30], [$list->data[0]->amount_refunded_to_payer, $list->data[1]->amount_refunded_to_payer], 'amount_refunded_to_payer (?int)');
        check($list->data[1]->source instanceof Source, 'source is a Common\Source');
        same(200, $list->getResponse()->getStatusCode(), 'HTTP status');
        same([96, 97], array_column($list->getResponse()->getContent(), 'id'), 'raw content is the array');
        // Decoded to arrays, so json_encode writes each empty "metadata" object back as [].
        same(str_replace('"metadata":{}', '"metadata":[]', $body), json_encode($list->getResponse()->getContent()), 'raw content re-encoded');
        $empty = $client->list(9);
        same([], $empty->data, 'no refunds: data is []');
        same([], $empty->getResponse()->getContent(), 'no refunds: content []');
    });

    test('offline: refund errors are thrown like any other: 404 cause 2032 (get), 400 cause 2063 (refundTotal), no retry', function () {
        $fake = new FakeTransport([[404, error_json(404, 'not_found', 2032)], [400, error_json(400, 'bad_request', 2063)], [200, '{}']]);
        $client = new PaymentRefundClient(new MPDefaultHttpClient($fake));
        $e = throws(MPNotFoundException::class, fn () => $client->get(9, 12345));
        same(2032, $e->getApiResponse()->getContent()['cause'][0]['code'], 'cause');
        $e = throws(MPBadRequestException::class, fn () => $client->refundTotal(9));
        same(2063, $e->getApiResponse()->getContent()['cause'][0]['code'], 'cause');
        same(2, count($fake->sent), 'attempts');
    });

    test('offline: refundTotal is retried on 503 with the very same request (same key, still no body)', function () {
        $fake = new FakeTransport([[503, error_json(503, 'x', 0)], [201, refund_json(98, 9, 100)]]);
        $r = (new PaymentRefundClient(new MPDefaultHttpClient($fake)))->refundTotal(9);
        same(2, count($fake->sent), 'attempts');
        same($fake->sent[0][CURLOPT_HTTPHEADER], $fake->sent[1][CURLOPT_HTTPHEADER], 'headers');
        same(null, $fake->sent[1][CURLOPT_POSTFIELDS], 'body');
        same(98, $r->id, 'id');
    });

    MercadoPagoConfig::setRetryDelay(500);
    MercadoPagoConfig::setAccessToken('');
}

// ---------------------------------------------------------------- online
if (!$offline_only) {
    $env = [];
    foreach (['MERCADOPAGO_ACCESS_TOKEN', 'PAYMENT_ID', 'CAPTURED_PAYMENT_ID', 'MISSING_PAYMENT_ID', 'CARD_TOKEN',
                 'DECLINED_CARD_TOKEN', 'CAPTURE_AMOUNT', 'REFUND_AMOUNT'] as $name) {
        $env[$name] = getenv($name);
    }
    $missing = array_keys(array_filter($env, fn ($v) => $v === false || $v === ''));

    if ($missing) {
        test('online: environment', function () use ($missing) {
            throw new RuntimeException('not set: ' . implode(', ', $missing) . ' (use --offline to skip online tests)');
        });
    } else {
        MercadoPagoConfig::setAccessToken($saved_token);
        $recorder = new RecordingClient(MercadoPagoConfig::getHttpClient());
        $client = new PaymentClient($recorder);
        $id = (int) $env['PAYMENT_ID'];
        $key = 'php-double-' . bin2hex(random_bytes(8));

        test('online: cancel(PAYMENT_ID) returns Payment cancelled / by_collector / captured false, HTTP 200', function () use ($client, $recorder, $id, $key) {
            $p = $client->cancel($id, options(["X-Idempotency-Key: $key"]));
            check($p instanceof Payment, 'Payment instance');
            same($id, $p->id, 'id');
            same('cancelled', $p->status, 'status');
            same('by_collector', $p->status_detail, 'status_detail');
            same(false, $p->captured, 'captured');
            same(200, $p->getResponse()->getStatusCode(), 'HTTP status');
            same('cancelled', $p->getResponse()->getContent()['status'], 'raw body status');
            same([$key], header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key'), 'the given key is the only one');
        });

        test('online: cancel(CAPTURED_PAYMENT_ID) throws MPBadRequestException 400, cause[0].code 2018', function () use ($client, $env) {
            $e = throws(MPBadRequestException::class, fn () => $client->cancel((int) $env['CAPTURED_PAYMENT_ID'], options(['X-Idempotency-Key: php-double-' . bin2hex(random_bytes(8))])));
            same(400, $e->getStatusCode(), 'getStatusCode');
            same(400, $e->getApiResponse()->getStatusCode(), 'getApiResponse()->getStatusCode');
            $c = $e->getApiResponse()->getContent();
            check(is_array($c), 'content is an array');
            same(2018, $c['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: cancel(MISSING_PAYMENT_ID) without options throws MPNotFoundException 404 (auto key sent)', function () use ($client, $recorder, $env) {
            $e = throws(MPNotFoundException::class, fn () => $client->cancel((int) $env['MISSING_PAYMENT_ID']));
            same(404, $e->getStatusCode(), 'status');
            check(is_array($e->getApiResponse()->getContent()), 'content is an array');
            same(1, count(header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key')), 'generated key');
        });

        test('online: cancelling PAYMENT_ID again (new key) throws 400 cause 2018', function () use ($client, $id) {
            $e = throws(MPApiException::class, fn () => $client->cancel($id, options(['X-Idempotency-Key: php-double-' . bin2hex(random_bytes(8))])));
            same(400, $e->getStatusCode(), 'status');
            same(2018, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: associative ["x-idempotency-key" => k] sends k as the key (cURL drops the bare line)', function () use ($client, $recorder, $env) {
            $k = 'php-double-assoc-' . bin2hex(random_bytes(8));
            throws(MPNotFoundException::class, fn () => $client->cancel((int) $env['MISSING_PAYMENT_ID'], options(['x-idempotency-key' => $k])));
            same([$k], header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key'), 'key');
        });

        test('online: associative ["X-Idempotency-Key" => k] throws TypeError before sending', function () use ($client, $recorder, $env) {
            $before = count($recorder->requests);
            set_error_handler(fn () => true);
            try {
                throws(TypeError::class, fn () => $client->cancel((int) $env['MISSING_PAYMENT_ID'], options(['X-Idempotency-Key' => 'k'])));
            } finally {
                restore_error_handler();
            }
            same($before, count($recorder->requests), 'requests');
        });

        $amount = (float) $env['CAPTURE_AMOUNT'];
        $new_key = fn () => options(['X-Idempotency-Key: php-double-' . bin2hex(random_bytes(8))]);

        test('online: capture(PAYMENT_ID, CAPTURE_AMOUNT) of the cancelled reserve throws MPBadRequestException 400, cause 2018', function () use ($client, $id, $amount, $new_key) {
            $e = throws(MPBadRequestException::class, fn () => $client->capture($id, $amount, $new_key()));
            same(400, $e->getStatusCode(), 'status');
            same(2018, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        $reserve_key = options(['X-Idempotency-Key: php-double-create-' . bin2hex(random_bytes(8))]);
        $reserve = null;
        test('online: create(reserve with CARD_TOKEN) returns Payment authorized / pending_capture / captured false, HTTP 201', function () use ($client, $recorder, $env, $reserve_key, &$reserve) {
            $p = $client->create(reserve_request($env['CARD_TOKEN']), $reserve_key);
            check($p instanceof Payment, 'Payment instance');
            same('authorized', $p->status, 'status');
            same('pending_capture', $p->status_detail, 'status_detail');
            same(false, $p->captured, 'captured');
            same(100.0, $p->transaction_amount, 'transaction_amount');
            same(201, $p->getResponse()->getStatusCode(), 'HTTP status');
            same($p->id, $p->getResponse()->getContent()['id'], 'raw body id');
            same('test_user_123@testuser.com', $p->payer->email, 'payer email');
            same($reserve_key->getCustomHeaders(), array_slice(end($recorder->requests)->getHeaders(), 0, 1), 'the given key, first');
            $reserve = $p->id;
        });

        test('online: create again with the same key replays the answer (same payment, 201)', function () use ($client, $env, $reserve_key, &$reserve) {
            $p = $client->create(reserve_request($env['CARD_TOKEN']), $reserve_key);
            same($reserve, $p->id, 'id');
            same(201, $p->getResponse()->getStatusCode(), 'HTTP status');
        });

        test('online: create again with a new key throws MPBadRequestException 400, cause 2006 (the card token is used up)', function () use ($client, $env, $new_key) {
            $e = throws(MPBadRequestException::class, fn () => $client->create(reserve_request($env['CARD_TOKEN']), $new_key()));
            same(2006, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: create without a token (auto key) throws MPBadRequestException 400, cause 4000', function () use ($client, $recorder) {
            $request = reserve_request('');
            unset($request['token']);
            $e = throws(MPBadRequestException::class, fn () => $client->create($request));
            same(400, $e->getStatusCode(), 'status');
            same(4000, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
            same(1, count(header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key')), 'generated key');
        });

        test('online: create with DECLINED_CARD_TOKEN is no exception: Payment rejected / cc_rejected_other_reason, HTTP 201', function () use ($client, $env, $new_key) {
            $p = $client->create(reserve_request($env['DECLINED_CARD_TOKEN']), $new_key());
            same('rejected', $p->status, 'status');
            same('cc_rejected_other_reason', $p->status_detail, 'status_detail');
            same(false, $p->captured, 'captured');
            same(201, $p->getResponse()->getStatusCode(), 'HTTP status');
        });

        test('online: capture(reserve, 1000) over the reserve throws MPBadRequestException 400, cause 2017', function () use ($client, $new_key, &$reserve) {
            $e = throws(MPBadRequestException::class, fn () => $client->capture($reserve, 1000, $new_key()));
            same(400, $e->getStatusCode(), 'status');
            same(2017, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: capture(reserve, null) and capture(reserve, $request_options) throw TypeError before sending', function () use ($client, $recorder, $new_key, &$reserve) {
            $before = count($recorder->requests);
            throws(TypeError::class, fn () => $client->capture($reserve, null, $new_key()));
            throws(TypeError::class, fn () => $client->capture($reserve, $new_key()));
            same($before, count($recorder->requests), 'requests');
        });

        test('online: capture(reserve, CAPTURE_AMOUNT) returns Payment approved / accredited / captured true for that amount, HTTP 200', function () use ($client, $recorder, $amount, &$reserve) {
            $key = 'php-double-capture-' . bin2hex(random_bytes(8));
            $p = $client->capture($reserve, $amount, options(["X-Idempotency-Key: $key"]));
            same($reserve, $p->id, 'id');
            same('approved', $p->status, 'status');
            same('accredited', $p->status_detail, 'status_detail');
            same(true, $p->captured, 'captured');
            same($amount, $p->transaction_amount, 'transaction_amount');
            same(200, $p->getResponse()->getStatusCode(), 'HTTP status');
            same([$key], header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key'), 'the given key is the only one');
        });

        test('online: capturing it again (auto key) throws MPBadRequestException 400, cause 2018', function () use ($client, $amount, &$reserve) {
            $e = throws(MPBadRequestException::class, fn () => $client->capture($reserve, $amount));
            same(2018, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: capture(MISSING_PAYMENT_ID, CAPTURE_AMOUNT) throws MPNotFoundException 404', function () use ($client, $env, $amount, $new_key) {
            $e = throws(MPNotFoundException::class, fn () => $client->capture((int) $env['MISSING_PAYMENT_ID'], $amount, $new_key()));
            same(404, $e->getStatusCode(), 'status');
        });

        test('online: update(reserve, ["capture" => true]) captures a whole new reserve: approved / accredited / captured true / 100', function () use ($client, $env, $new_key) {
            // Set-up outside the SDK double: the run hands out one approving token, used above.
            $ch = curl_init(MercadoPagoConfig::$BASE_URL . '/v1/card_tokens');
            curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true,
                CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Authorization: Bearer ' . $env['MERCADOPAGO_ACCESS_TOKEN']],
                CURLOPT_POSTFIELDS => json_encode(['card_number' => '4509953566233704', 'expiration_month' => 11,
                    'expiration_year' => 2030, 'security_code' => '123',
                    'cardholder' => ['name' => 'APRO', 'identification' => ['type' => 'DNI', 'number' => '12345678']]])]);
            $token = json_decode((string) curl_exec($ch), true)['id'] ?? null;
            check(is_string($token), 'card token created: ' . curl_error($ch));

            $reserve = $client->create(reserve_request($token));
            same('authorized', $reserve->status, 'reserve status');
            $p = $client->update($reserve->id, ['capture' => true], $new_key());
            same($reserve->id, $p->id, 'id');
            same('approved', $p->status, 'status');
            same('accredited', $p->status_detail, 'status_detail');
            same(true, $p->captured, 'captured');
            same(100.0, $p->transaction_amount, 'transaction_amount');
            same(200, $p->getResponse()->getStatusCode(), 'HTTP status');
        });

        // ------------------------------------------------ refunds of CAPTURED_PAYMENT_ID (approved, 100)
        $refunds = new PaymentRefundClient($recorder);
        $paid = (int) $env['CAPTURED_PAYMENT_ID'];
        $refund_amount = (float) $env['REFUND_AMOUNT'];
        $partial_key = options(['X-Idempotency-Key: php-double-refund-' . bin2hex(random_bytes(8))]);
        $partial = null;

        test('online: refund(CAPTURED_PAYMENT_ID, 1000), more than the payment, throws MPBadRequestException 400, cause 2017', function () use ($refunds, $paid, $new_key) {
            $e = throws(MPBadRequestException::class, fn () => $refunds->refund($paid, 1000, $new_key()));
            same(400, $e->getStatusCode(), 'status');
            same(2017, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: refund(CAPTURED_PAYMENT_ID, REFUND_AMOUNT) returns PaymentRefund approved for that amount, HTTP 201; amount_refunded_to_payer truncated with a deprecation', function () use ($refunds, $recorder, $paid, $refund_amount, $partial_key, &$partial) {
            $deprecations = [];
            set_error_handler(function ($no, $msg) use (&$deprecations) { $deprecations[] = $msg; return true; }, E_DEPRECATED);
            try {
                $r = $refunds->refund($paid, $refund_amount, $partial_key);
            } finally {
                restore_error_handler();
            }
            check($r instanceof PaymentRefund, 'PaymentRefund instance');
            same($paid, $r->payment_id, 'payment_id');
            same($refund_amount, $r->amount, 'amount');
            same('approved', $r->status, 'status');
            same('standard', $r->refund_mode, 'refund_mode');
            same('collector', $r->source->type, 'source type');
            same(201, $r->getResponse()->getStatusCode(), 'HTTP status');
            $raw = $r->getResponse()->getContent()['amount_refunded_to_payer'];
            same($refund_amount, $raw, 'raw amount_refunded_to_payer');
            same((int) $refund_amount, $r->amount_refunded_to_payer, 'amount_refunded_to_payer keeps the whole part');
            same(floor($refund_amount) == $refund_amount ? [] : ["Implicit conversion from float $refund_amount to int loses precision"], $deprecations, 'deprecations');
            same($partial_key->getCustomHeaders(), array_slice(end($recorder->requests)->getHeaders(), 0, 1), 'the given key, first');
            $partial = $r->id;
        });

        test('online: the same refund again with the same key replays it (same refund, 201)', function () use ($refunds, $paid, $refund_amount, $partial_key, &$partial) {
            set_error_handler(fn () => true, E_DEPRECATED);
            try {
                $r = $refunds->refund($paid, $refund_amount, $partial_key);
            } finally {
                restore_error_handler();
            }
            same($partial, $r->id, 'id');
            same(201, $r->getResponse()->getStatusCode(), 'HTTP status');
        });

        test('online: get(CAPTURED_PAYMENT_ID, that refund) returns it, HTTP 200; an unknown refund id is MPNotFoundException 404, cause 2032', function () use ($refunds, $paid, $refund_amount, &$partial) {
            set_error_handler(fn () => true, E_DEPRECATED);
            try {
                $r = $refunds->get($paid, $partial);
            } finally {
                restore_error_handler();
            }
            same($partial, $r->id, 'id');
            same($refund_amount, $r->amount, 'amount');
            same(200, $r->getResponse()->getStatusCode(), 'HTTP status');
            $e = throws(MPNotFoundException::class, fn () => $refunds->get($paid, $partial + 1_000_000));
            same(2032, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: refundTotal(CAPTURED_PAYMENT_ID) (auto key) refunds what is left, HTTP 201; again it is 400 cause 2063', function () use ($refunds, $recorder, $paid, $refund_amount) {
            $r = $refunds->refundTotal($paid);
            same(round(100 - $refund_amount, 2), $r->amount, 'amount: the rest');
            same('approved', $r->status, 'status');
            same(201, $r->getResponse()->getStatusCode(), 'HTTP status');
            same(null, end($recorder->requests)->getPayload(), 'no body');
            same(1, count(header_values(end($recorder->requests)->getHeaders(), 'X-Idempotency-Key')), 'generated key');
            $e = throws(MPBadRequestException::class, fn () => $refunds->refundTotal($paid));
            same(2063, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });

        test('online: list(CAPTURED_PAYMENT_ID) returns both refunds, oldest first, as PaymentRefundListResult; getContent() is the array', function () use ($refunds, $paid, $refund_amount, &$partial) {
            set_error_handler(fn () => true, E_DEPRECATED);
            try {
                $list = $refunds->list($paid);
            } finally {
                restore_error_handler();
            }
            check($list instanceof PaymentRefundResult, 'PaymentRefundResult instance');
            same(2, count($list->data), 'items');
            check($list->data[0] instanceof PaymentRefundListResult, 'PaymentRefundListResult items');
            same($partial, $list->data[0]->id, 'the partial refund first');
            same([$refund_amount, round(100 - $refund_amount, 2)], [$list->data[0]->amount, $list->data[1]->amount], 'amounts');
            same(200, $list->getResponse()->getStatusCode(), 'HTTP status');
            same(array_map(fn ($item) => $item->id, $list->data), array_column($list->getResponse()->getContent(), 'id'), 'raw ids');
        });

        test('online: a payment without refunds lists []; an unknown payment is 404 cause 2000 for list, refund and refundTotal', function () use ($refunds, $env) {
            $none = $refunds->list((int) $env['PAYMENT_ID']);
            same([], $none->data, 'data');
            same([], $none->getResponse()->getContent(), 'content');
            $missing = (int) $env['MISSING_PAYMENT_ID'];
            foreach ([fn () => $refunds->list($missing), fn () => $refunds->refund($missing, 1), fn () => $refunds->refundTotal($missing)] as $call) {
                $e = throws(MPNotFoundException::class, $call);
                same(2000, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
            }
        });

        test('online: refundTotal(PAYMENT_ID), the cancelled reserve, is 400 cause 2063: a reserve is cancelled, not refunded', function () use ($refunds, $env) {
            $e = throws(MPBadRequestException::class, fn () => $refunds->refundTotal((int) $env['PAYMENT_ID']));
            same(2063, $e->getApiResponse()->getContent()['cause'][0]['code'] ?? null, 'cause[0].code');
        });
    }
}

foreach ($wire as $w) {
    echo '# wire ' . json_encode($w) . "\n";
}
echo "$passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
