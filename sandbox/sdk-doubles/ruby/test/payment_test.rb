# frozen_string_literal: true

# Tests of the Ruby SDK double against the sandbox. Run (inside the harness, which sets the env and TLS trust):
#   cd sandbox/sdk-doubles/ruby && ruby test/payment_test.rb
# Env: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (authorized reserve of 100), CAPTURED_PAYMENT_ID, MISSING_PAYMENT_ID,
# CARD_TOKEN (approving card), DECLINED_CARD_TOKEN, CAPTURE_AMOUNT ("75").
# Requests sent, in this order per payment (the test methods themselves run in any order):
#   PUT PAYMENT_ID {"status":"canceled"} -> 400/2016, {"status":"cancelled"} -> 200 (custom key),
#     {"status":"cancelled"} -> 400/2018 (SDK-generated key), {"capture":true} -> 400/2018;
#   PUT CAPTURED_PAYMENT_ID {"status":"cancelled"} -> 400/2018; PUT MISSING_PAYMENT_ID {"status":"cancelled"} -> 404/2000;
#   POST /v1/payments/ with CARD_TOKEN, capture false (SDK-generated key) -> 201 authorized, then PUT that reserve
#     {"capture":true,"transaction_amount":150.0} -> 400/2017, {"capture":true} -> 200, {"capture":true} -> 400/2018;
#   POST /v1/card_tokens -> 201 (a second approving card, through HttpClient#post), POST /v1/payments/ with it,
#     capture false -> 201 authorized, then PUT that reserve {"capture":true,"transaction_amount":75.0} -> 200;
#   POST /v1/payments/ with DECLINED_CARD_TOKEN -> 201 rejected, twice with the same custom key (the replay).
# Cancellations go through Payment#update, captures through Payment#capture.
$LOAD_PATH.unshift File.expand_path('../lib', __dir__)
require 'minitest/autorun'
require 'securerandom'
require 'socket'
require 'mercadopago'

UUID = /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/.freeze

# Records what the SDK hands to its HTTP client instead of sending it.
class RecordingHttpClient < Mercadopago::HttpClient
  attr_reader :calls

  def post(**args)
    (@calls ||= []) << args.merge(method: :post)
    { status: 201, response: { 'status' => 'authorized' } }
  end

  def put(**args)
    (@calls ||= []) << args.merge(method: :put)
    { status: 200, response: { 'status' => 'cancelled' } }
  end
end

# The reserve of the examples (examples/reserve-funds), with a given card token.
def reserve_data(token)
  { transaction_amount: 100, token: token, description: 'Reserve', installments: 1, payment_method_id: 'visa',
    payer: { email: 'test_user_123@testuser.com' }, capture: false }
end

class OfflineTest < Minitest::Test
  def test_update_hands_the_transport_the_put_the_real_sdk_builds
    client = RecordingHttpClient.new
    sdk = Mercadopago::SDK.new('TEST-token', http_client: client)
    ro = Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => 'key-1' })
    result = sdk.payment.update('123', { status: 'cancelled' }, request_options: ro)

    assert_kind_of Hash, result
    assert_equal({ status: 200, response: { 'status' => 'cancelled' } }, result.to_h)
    call = client.calls.fetch(0)
    assert_equal :put, call[:method]
    assert_equal "#{Mercadopago::Config.new.api_base_url}/v1/payments/123", call[:url]
    assert_equal '{"status":"cancelled"}', call[:data]
    assert_equal 60.0, call[:timeout]
    headers = call[:headers].transform_keys(&:to_s)
    assert_equal 'Bearer TEST-token', headers['Authorization']
    assert_equal 'application/json', headers['Content-Type']
    assert_equal 'application/json', headers['Accept']
    assert_equal 'MercadoPago Ruby SDK v3.2.0', headers['User-Agent']
    assert_equal 'bc32a7vtrpp001u8nhjg', headers['x-product-id']
    assert_match(/\Aplatform:[\d.]+,type:SDK3\.2\.0,so;\z/, headers['x-tracking-id'])
    idem = headers.select { |name, _| name.casecmp?('x-idempotency-key') }
    assert_equal({ 'X-Idempotency-Key' => 'key-1' }, idem, 'the custom key replaces the generated one')
    assert_equal 'TEST-token', ro.access_token, 'per-call options inherit the SDK token'
  end

  def test_create_hands_the_transport_the_post_the_real_sdk_builds
    client = RecordingHttpClient.new
    sdk = Mercadopago::SDK.new('TEST-token', http_client: client)
    result = sdk.payment.create(reserve_data('tok'))

    assert_equal({ status: 201, response: { 'status' => 'authorized' } }, result.to_h)
    assert result.success?
    call = client.calls.fetch(0)
    assert_equal :post, call[:method]
    # The gem posts to '/v1/payments/', trailing slash included.
    assert_equal "#{Mercadopago::Config.new.api_base_url}/v1/payments/", call[:url]
    assert_equal '{"transaction_amount":100,"token":"tok","description":"Reserve","installments":1,' \
                 '"payment_method_id":"visa","payer":{"email":"test_user_123@testuser.com"},"capture":false}', call[:data]
    assert_equal 60.0, call[:timeout]
    headers = call[:headers].transform_keys(&:to_s)
    assert_equal 'Bearer TEST-token', headers['Authorization']
    assert_equal 'application/json', headers['Content-Type']
    assert_equal 'MercadoPago Ruby SDK v3.2.0', headers['User-Agent']
    # No request options: the SDK generates the key itself, on POST as on PUT.
    assert_match UUID, headers['x-idempotency-key']
  end

  def test_capture_hands_the_transport_the_put_the_real_sdk_builds
    client = RecordingHttpClient.new
    sdk = Mercadopago::SDK.new('TEST-token', http_client: client)
    ro = Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => 'key-2' })
    result = sdk.payment.capture(7, request_options: ro)
    sdk.payment.capture(7, amount: Float('75'), request_options: ro)
    sdk.payment.capture(7, amount: nil)

    assert_equal({ status: 200, response: { 'status' => 'cancelled' } }, result.to_h)
    assert_equal [:put] * 3, client.calls.map { |c| c[:method] }
    assert_equal ["#{Mercadopago::Config.new.api_base_url}/v1/payments/7"] * 3, client.calls.map { |c| c[:url] }
    assert_equal ['{"capture":true}', '{"capture":true,"transaction_amount":75.0}', '{"capture":true}'],
                 client.calls.map { |c| c[:data] }
    assert_equal [60.0] * 3, client.calls.map { |c| c[:timeout] }
    headers = client.calls.map { |c| c[:headers].transform_keys(&:to_s) }
    assert_equal %w[key-2 key-2], headers.take(2).map { |h| h['X-Idempotency-Key'] }
    assert_match UUID, headers[2]['x-idempotency-key'], 'no request options: the SDK generates the key'
    headers.each do |h|
      assert_equal 'Bearer TEST-token', h['Authorization']
      assert_equal 'application/json', h['Content-Type']
      assert_equal 'MercadoPago Ruby SDK v3.2.0', h['User-Agent']
    end
  end

  # The amount goes into the JSON as given, and the id into the path as is: the gem's capture, unlike its
  # update, does not escape it.
  def test_capture_neither_converts_the_amount_nor_escapes_the_id
    client = RecordingHttpClient.new
    sdk = Mercadopago::SDK.new('TEST-token', http_client: client)
    sdk.payment.capture('7', amount: 75)
    sdk.payment.capture('7', amount: '75')
    sdk.payment.capture('1 2/3')
    sdk.payment.update('1 2/3', { capture: true })

    assert_equal ['{"capture":true,"transaction_amount":75}', '{"capture":true,"transaction_amount":"75"}'],
                 client.calls.take(2).map { |c| c[:data] }
    base = "#{Mercadopago::Config.new.api_base_url}/v1/payments/"
    assert_equal ["#{base}1 2/3", "#{base}1%202%2F3"], client.calls.drop(2).map { |c| c[:url] }
  end

  def test_an_idempotency_key_is_generated_per_request_when_none_is_given
    keys = Array.new(2) { Mercadopago::RequestOptions.new(access_token: 't').get_headers['x-idempotency-key'] }
    keys.each { |k| assert_match UUID, k }
    refute_equal keys[0], keys[1]
  end

  def test_request_options_is_a_keyword_argument_as_in_the_real_sdk
    sdk = Mercadopago::SDK.new('TEST-token', http_client: RecordingHttpClient.new)
    error = assert_raises(ArgumentError) do
      sdk.payment.update(1, { status: 'cancelled' }, Mercadopago::RequestOptions.new)
    end
    assert_match(/wrong number of arguments \(given 3, expected 2\)/, error.message)
    error = assert_raises(ArgumentError) { sdk.payment.create(reserve_data('tok'), Mercadopago::RequestOptions.new) }
    assert_match(/wrong number of arguments \(given 2, expected 1\)/, error.message)
    # capture's amount is a keyword too.
    error = assert_raises(ArgumentError) { sdk.payment.capture(1, 75.0) }
    assert_match(/wrong number of arguments \(given 2, expected 1\)/, error.message)
  end

  def test_type_checks_raise_type_error
    assert_raises(TypeError) { Mercadopago::SDK.new(nil) }
    sdk = Mercadopago::SDK.new('TEST-token', http_client: RecordingHttpClient.new)
    assert_raises(TypeError) { sdk.payment.update(1, '{"status":"cancelled"}') }
    assert_raises(TypeError) { sdk.payment.update(1, { status: 'cancelled' }, request_options: {}) }
    assert_raises(TypeError) { sdk.payment.create('{"transaction_amount":100}') }
    assert_raises(TypeError) { sdk.payment.create(reserve_data('tok'), request_options: {}) }
    assert_raises(TypeError) { sdk.payment.capture(1, request_options: {}) }
    assert_raises(TypeError) { Mercadopago::RequestOptions.new(custom_headers: ['X-Idempotency-Key: k']) }
  end
end

# The transport seam (Mercadopago::Transport.default) and how a failed connection surfaces: as the gem's
# Faraday errors, after a single attempt. Nothing here reaches the sandbox: the servers are local sockets.
class TransportTest < Minitest::Test
  # Stands in for a transport that cannot use sockets (a fetch-based one under ruby.wasm): it keeps what it is
  # handed and answers from memory.
  class FakeTransport
    attr_reader :requests

    def initialize
      @requests = []
    end

    def call(request)
      @requests << request
      Mercadopago::Transport::Reply.new(status: 200, body: '{"id":7,"status":"approved"}')
    end
  end

  def teardown
    Mercadopago::Transport.default = nil
    Mercadopago::Config.class_variable_set(:@@API_BASE_URL, 'https://api.mercadopago.com')
  end

  def test_a_transport_put_in_as_the_default_gets_the_whole_request
    fake = FakeTransport.new
    Mercadopago::Transport.default = fake
    sdk = Mercadopago::SDK.new('TEST-token') # as the examples build it: no extra arguments
    ro = Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => 'key-3' })
    result = sdk.payment.capture('7', amount: 75.0, request_options: ro)

    assert_equal({ status: 200, response: { 'id' => 7, 'status' => 'approved' } }, result.to_h)
    assert_kind_of Mercadopago::MPResponse, result
    request = fake.requests.fetch(0)
    assert_equal 'PUT', request.verb
    assert_equal 'https://api.mercadopago.com/v1/payments/7', request.url
    assert_equal '{"capture":true,"transaction_amount":75.0}', request.body
    assert_equal({ open: 60.0, read: 60.0, write: 60.0 }, request.timeouts)
    # The wire order: Faraday's User-Agent slot first (holding the SDK's value), the SDK's headers in its
    # order with the custom key after them, Content-Type last.
    assert_equal({ 'User-Agent' => 'MercadoPago Ruby SDK v3.2.0', 'Authorization' => 'Bearer TEST-token',
                   'x-product-id' => 'bc32a7vtrpp001u8nhjg', 'x-tracking-id' => "platform:#{RUBY_VERSION},type:SDK3.2.0,so;",
                   'Accept' => 'application/json', 'X-Idempotency-Key' => 'key-3', 'Content-Type' => 'application/json' },
                 request.headers)

    sdk.payment.create(reserve_data('tok'))
    post = fake.requests.fetch(1)
    assert_equal ['POST', 'https://api.mercadopago.com/v1/payments/'], [post.verb, post.url]
    assert_match UUID, post.headers.fetch('x-idempotency-key')
  end

  def test_any_callable_is_a_transport_and_nil_brings_back_net_http
    seen = []
    Mercadopago::Transport.default = lambda { |request|
      seen << request.verb
      Mercadopago::Transport::Reply.new(status: 404, body: '{"message":"not found","cause":[{"code":2000}]}')
    }
    result = Mercadopago::SDK.new('TEST-token').payment.update(1, { status: 'cancelled' })

    assert_equal ['PUT'], seen
    assert_equal 404, result[:status]
    assert_equal 'not found', result.error_message
    refute result.success?
    Mercadopago::Transport.default = nil
    assert_kind_of Mercadopago::Transport::NetHTTP, Mercadopago::Transport.default
  end

  def test_faradays_error_hierarchy
    assert_operator Faraday::Error, :<, StandardError
    assert_operator Faraday::ConnectionFailed, :<, Faraday::Error
    assert_operator Faraday::SSLError, :<, Faraday::Error
    assert_operator Faraday::TimeoutError, :<, Faraday::ServerError
    assert_operator Faraday::ServerError, :<, Faraday::Error
    assert_equal 'timeout', Faraday::TimeoutError.new.message
  end

  def test_a_refused_connection_raises_faraday_connection_failed_with_the_net_http_message
    port = closed_port
    use_local_api("http://127.0.0.1:#{port}")
    error = assert_raises(Faraday::ConnectionFailed) { cancel_one }

    assert_kind_of Faraday::Error, error
    assert_kind_of Errno::ECONNREFUSED, error.wrapped_exception
    assert_equal error.wrapped_exception.message, error.message
    assert_match(/\AFailed to open TCP connection to 127\.0\.0\.1:#{port} \(Connection refused - connect\(2\) for /,
                 error.message)
    refute_includes error.message, "\n"
    assert_nil error.response_status
  end

  def test_a_connection_closed_without_an_answer_is_tried_once_and_raises_connection_failed
    accepted = serve { |client| client.readpartial(65_536) } # reads (some of) the request, then hangs up
    error = assert_raises(Faraday::ConnectionFailed) { cancel_one }

    # EOFError, or ECONNRESET when the hang-up leaves part of the request unread: Faraday maps both alike.
    assert_includes [EOFError, Errno::ECONNRESET], error.wrapped_exception.class
    assert_equal 1, accepted.call, 'no second attempt: neither the gem nor Faraday resends a PUT'
  end

  def test_an_answer_slower_than_the_timeout_raises_faraday_timeout_error
    serve { |client| client.readpartial(65_536) && sleep(2) }
    error = assert_raises(Faraday::TimeoutError) do
      cancel_one(Mercadopago::RequestOptions.new(connection_timeout: 0.3))
    end

    assert_kind_of Net::ReadTimeout, error.wrapped_exception
    assert_kind_of Faraday::ServerError, error
  end

  def test_a_server_that_does_not_speak_tls_raises_faraday_ssl_error
    serve { |client| client.write("HTTP/1.1 400 Bad Request\r\n\r\n") }
    use_local_api(Mercadopago::Config.new.api_base_url.sub('http:', 'https:'))
    error = assert_raises(Faraday::SSLError) { cancel_one }

    assert_kind_of OpenSSL::SSL::SSLError, error.wrapped_exception
  end

  private

  def cancel_one(options = nil)
    Mercadopago::SDK.new('TEST-token').payment.update(1, { status: 'cancelled' }, request_options: options)
  end

  def use_local_api(base)
    Mercadopago::Config.class_variable_set(:@@API_BASE_URL, base)
  end

  # A port nothing listens on: one the kernel just handed out and took back.
  def closed_port
    server = TCPServer.new('127.0.0.1', 0)
    server.addr[1].tap { server.close }
  end

  # A local server whose every connection gets the block; points the SDK at it and returns a counter of the
  # connections it accepted.
  def serve(&handler)
    server = TCPServer.new('127.0.0.1', 0)
    use_local_api("http://127.0.0.1:#{server.addr[1]}")
    count = 0
    Thread.new do
      loop do
        client = server.accept
        count += 1
        Thread.new(client) do |c|
          handler.call(c)
        rescue IOError, SystemCallError
          nil
        ensure
          c.close
        end
      end
    end
    -> { count }
  end
end

class SandboxTest < Minitest::Test
  def setup
    @sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))
  end

  def options(key)
    key && Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => key })
  end

  def cancel(id, status: 'cancelled', key: nil)
    @sdk.payment.update(id, { status: status }, request_options: options(key))
  end

  def capture(id, amount: nil, key: nil)
    @sdk.payment.capture(id, amount: amount, request_options: options(key))
  end

  # A second approving card token, made through the double's HttpClient#post (the double has no card_token
  # resource: no example needs one). The sandbox, like the API, lets each token serve one payment.
  def new_card_token
    headers = Mercadopago::RequestOptions.new(access_token: ENV.fetch('MERCADOPAGO_ACCESS_TOKEN')).get_headers
    result = Mercadopago::HttpClient.new.post(
      url: "#{Mercadopago::Config.new.api_base_url}/v1/card_tokens",
      data: JSON.generate(card_number: '4509953566233704', expiration_month: 11, expiration_year: 2030,
                          security_code: '123', cardholder: { name: 'APRO', identification: { type: 'DNI', number: '12345678' } }),
      headers: headers.merge('Content-Type' => 'application/json')
    )
    assert_equal 201, result[:status], JSON.generate(result[:response])
    result[:response].fetch('id')
  end

  def assert_api_error(result, status, cause_code)
    assert_kind_of Mercadopago::MPResponse, result
    assert_equal status, result[:status]
    body = result[:response]
    assert_equal status, body['status']
    assert_kind_of String, body['message']
    assert_equal cause_code, body['cause'].fetch(0)['code'], JSON.generate(body)
    refute result.success?
  end

  def assert_payment(result, http_status, id: nil, **fields)
    assert_kind_of Mercadopago::MPResponse, result
    assert_equal [:status, :response], result.keys
    assert_equal http_status, result[:status], JSON.generate(result[:response])
    assert result.success?
    payment = result[:response]
    assert_equal Integer(id), payment['id'] unless id.nil?
    fields.each { |name, value| assert_equal value, payment[name.to_s], name }
    assert_nil payment[:status], 'the body has String keys'
    payment
  end

  # A new reserve: the API answers 201 with the payment authorized and not captured.
  def assert_reserve(result)
    assert_payment(result, 201, status: 'authorized', status_detail: 'pending_capture', captured: false,
                                transaction_amount: 100)
  end

  # One method, so the order holds: 'canceled' must be refused while the reserve is still authorized.
  def test_cancel_a_reserve_refuses_canceled_then_cancels_then_refuses_a_second_cancel_and_a_capture
    id = ENV.fetch('PAYMENT_ID')

    assert_api_error cancel(id, status: 'canceled', key: SecureRandom.uuid), 400, 2016

    assert_payment cancel(id, key: SecureRandom.uuid), 200, id: id, status: 'cancelled', status_detail: 'by_collector',
                                                                captured: false

    assert_api_error cancel(id), 400, 2018
    assert_api_error capture(id, key: SecureRandom.uuid), 400, 2018
  end

  def test_cancelling_a_captured_payment_returns_400_cause_2018
    assert_api_error cancel(ENV.fetch('CAPTURED_PAYMENT_ID'), key: SecureRandom.uuid), 400, 2018
  end

  def test_an_unknown_payment_returns_404_not_raised
    result = cancel(ENV.fetch('MISSING_PAYMENT_ID'), key: SecureRandom.uuid)
    assert_api_error result, 404, 2000
    assert_equal 'not_found', result[:response]['error']
  end

  # No request options on the create: the sandbox, like the API, refuses a POST without a key, so the 201
  # shows the SDK sent the one it generated.
  def test_reserve_refuses_an_over_capture_then_captures_in_full_once
    id = assert_reserve(@sdk.payment.create(reserve_data(ENV.fetch('CARD_TOKEN'))))['id']

    assert_api_error capture(id, amount: 150.0, key: SecureRandom.uuid), 400, 2017

    assert_payment capture(id, key: SecureRandom.uuid), 200, id: id, status: 'approved', status_detail: 'accredited',
                                                             captured: true, transaction_amount: 100

    assert_api_error capture(id, key: SecureRandom.uuid), 400, 2018
  end

  def test_reserve_then_capture_part_of_it
    ro = options(SecureRandom.uuid)
    id = assert_reserve(@sdk.payment.create(reserve_data(new_card_token), request_options: ro))['id']

    assert_payment capture(id, amount: Float(ENV.fetch('CAPTURE_AMOUNT')), key: SecureRandom.uuid), 200,
                   id: id, status: 'approved', status_detail: 'accredited', captured: true, transaction_amount: 75
  end

  # A declined card is no HTTP error: 201 and a rejected payment. The same key again replays the answer.
  def test_a_declined_card_gives_201_rejected_and_its_key_replays_it
    ro = options(SecureRandom.uuid)
    data = reserve_data(ENV.fetch('DECLINED_CARD_TOKEN'))
    first = assert_payment(@sdk.payment.create(data, request_options: ro), 201,
                           status: 'rejected', status_detail: 'cc_rejected_other_reason', captured: false)
    assert_payment @sdk.payment.create(data, request_options: ro), 201, id: first['id'], status: 'rejected'
  end
end
