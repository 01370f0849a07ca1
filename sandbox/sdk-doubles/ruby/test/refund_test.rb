# frozen_string_literal: true

# Tests of the Ruby SDK double's refunds (sdk.refund: Mercadopago::Refund) against the sandbox. Run (inside the
# harness, which sets the env and TLS trust):
#   cd sandbox/sdk-doubles/ruby && ruby test/refund_test.rb
# Env: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (authorized reserve of 100), CAPTURED_PAYMENT_ID (approved, 100),
# MISSING_PAYMENT_ID, REFUND_AMOUNT ("25.5").
# Requests sent to the sandbox, in this order per payment (the test methods themselves run in any order):
#   CAPTURED_PAYMENT_ID: POST …/refunds {"amount":25.5} -> 201 (custom key), the same again with the same key -> 201
#     (the first refund replayed), GET …/refunds -> 200 [1], GET …/refunds/{that refund} -> 200,
#     GET …/refunds/{the payment's own id} -> 404/2032, POST …/refunds, no body (SDK-generated key) -> 201 of 74.5,
#     GET …/refunds -> 200 [2], POST …/refunds, no body -> 400/2063;
#   PAYMENT_ID: GET …/refunds -> 200 [], POST …/refunds, no body -> 400/2063 (a reserve is cancelled, not refunded);
#   MISSING_PAYMENT_ID: POST …/refunds, no body -> 404/2000, GET …/refunds -> 404/2000, GET …/refunds/1 -> 404/2000.
$LOAD_PATH.unshift File.expand_path('../lib', __dir__)
require 'minitest/autorun'
require 'securerandom'
require 'socket'
require 'mercadopago'

UUID = /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/.freeze

# Keeps what the resource hands its HTTP client, and answers from memory.
class RecordingClient < Mercadopago::HttpClient
  attr_reader :calls

  def initialize
    super
    @calls = []
  end

  def get(**args)
    @calls << args.merge(method: :get)
    { status: 200, response: [] }
  end

  def post(**args)
    @calls << args.merge(method: :post)
    { status: 201, response: { 'status' => 'approved' } }
  end
end

# Answers each request with the next of the given replies (the last one again once they run out), and keeps
# the requests.
class ScriptedTransport
  attr_reader :requests

  def initialize(*replies)
    @replies = replies.map { |status, body| Mercadopago::Transport::Reply.new(status: status, body: body) }
    @requests = []
  end

  def call(request)
    @requests << request
    @replies.length > 1 ? @replies.shift : @replies.first
  end
end

class RefundOfflineTest < Minitest::Test
  BASE = 'https://api.mercadopago.com/v1/payments'

  def setup
    @client = RecordingClient.new
    @sdk = Mercadopago::SDK.new('TEST-token', http_client: @client)
  end

  def test_sdk_refund_is_a_refund_resource
    assert_instance_of Mercadopago::Refund, @sdk.refund
    assert_operator Mercadopago::Refund, :<, Mercadopago::MPBase
  end

  def test_a_full_refund_hands_the_client_a_post_without_data
    result = @sdk.refund.create(7)

    assert_kind_of Mercadopago::MPResponse, result
    assert_equal({ status: 201, response: { 'status' => 'approved' } }, result.to_h)
    call = @client.calls.fetch(0)
    assert_equal [:post, "#{BASE}/7/refunds", nil, 60.0], call.values_at(:method, :url, :data, :timeout)
    headers = call[:headers].transform_keys(&:to_s)
    assert_equal 'application/json', headers['Content-Type'], 'the Content-Type goes even without a body'
    assert_equal 'Bearer TEST-token', headers['Authorization']
    assert_match UUID, headers['x-idempotency-key'], 'no request options: the SDK generates the key'
  end

  def test_a_partial_refund_puts_the_amount_into_the_json_as_given
    ro = Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => 'key-r' })
    @sdk.refund.create('7', refund_data: { amount: 25.5 }, request_options: ro)
    @sdk.refund.create('7', refund_data: { amount: '25.5' })
    @sdk.refund.create('7', refund_data: { amount: 25 })
    @sdk.refund.create('7', refund_data: {})

    assert_equal ['{"amount":25.5}', '{"amount":"25.5"}', '{"amount":25}', '{}'], @client.calls.map { |c| c[:data] }
    headers = @client.calls.fetch(0)[:headers].transform_keys(&:to_s)
    assert_equal({ 'X-Idempotency-Key' => 'key-r' }, headers.select { |name, _| name.casecmp?('x-idempotency-key') })
    assert_equal 'TEST-token', ro.access_token, 'per-call options inherit the SDK token'
  end

  def test_list_and_get_hand_the_client_a_get_with_the_retry_settings
    @sdk.refund.list(7)
    on_retry = ->(_attempt, _error) {}
    ro = Mercadopago::RequestOptions.new(max_retries: 1, retry_on: [404], initial_delay_ms: 5, max_delay_ms: 10,
                                         jitter: true, on_retry: on_retry)
    @sdk.refund.get(7, 8, request_options: ro)

    list, get = @client.calls
    assert_equal [:get, "#{BASE}/7/refunds", 60.0], list.values_at(:method, :url, :timeout)
    assert_equal [3, nil, nil, Mercadopago::RequestOptions::DEFAULT_MAX_DELAY, false, nil],
                 list.values_at(:maxretries, :retry_on, :initial_delay_ms, :max_delay_ms, :jitter, :on_retry)
    assert_equal [:get, "#{BASE}/7/refunds/8"], get.values_at(:method, :url)
    assert_equal [1, [404], 5, 10, true, on_retry],
                 get.values_at(:maxretries, :retry_on, :initial_delay_ms, :max_delay_ms, :jitter, :on_retry)
    [list, get].each do |call|
      headers = call[:headers].transform_keys(&:to_s)
      refute_includes headers.keys, 'Content-Type', 'a GET has no Content-Type'
      assert_match UUID, headers['x-idempotency-key'], 'the SDK sends a key on GET too'
      refute call.key?(:data)
    end
  end

  def test_every_id_is_escaped_in_the_path
    @sdk.refund.create('1 2/3')
    @sdk.refund.list('1 2/3')
    @sdk.refund.get('1 2/3', '4?5')

    assert_equal ["#{BASE}/1%202%2F3/refunds", "#{BASE}/1%202%2F3/refunds", "#{BASE}/1%202%2F3/refunds/4%3F5"],
                 @client.calls.map { |c| c[:url] }
  end

  # The API reference's Ruby list snippet passes refund_data: to list, and a hash given positionally to create
  # is no keyword: both raise, as with the gem.
  def test_refund_data_and_request_options_are_keyword_arguments
    error = assert_raises(ArgumentError) { @sdk.refund.create(7, { amount: 5 }) }
    assert_match(/wrong number of arguments \(given 2, expected 1\)/, error.message)
    error = assert_raises(ArgumentError) { @sdk.refund.list(7, refund_data: { amount: 5 }) }
    assert_match(/unknown keyword: :refund_data/, error.message)
    error = assert_raises(ArgumentError) { @sdk.refund.list(7, Mercadopago::RequestOptions.new) }
    assert_match(/wrong number of arguments \(given 2, expected 1\)/, error.message)
    error = assert_raises(ArgumentError) { @sdk.refund.get(7) }
    assert_match(/wrong number of arguments \(given 1, expected 2\)/, error.message)
    assert_empty @client.calls
  end

  def test_type_checks_raise_type_error
    error = assert_raises(TypeError) { @sdk.refund.create(7, refund_data: '{"amount":5}') }
    assert_equal 'Param refund_data must be a Hash', error.message
    assert_raises(TypeError) { @sdk.refund.create(7, request_options: {}) }
    assert_raises(TypeError) { @sdk.refund.list(7, request_options: {}) }
    assert_raises(TypeError) { @sdk.refund.get(7, 8, request_options: {}) }
    assert_empty @client.calls
  end
end

# What a transport receives from refund calls, how a GET is retried, and the raw bytes Net::HTTP sends.
# Nothing here reaches the sandbox.
class RefundTransportTest < Minitest::Test
  def teardown
    Mercadopago::Transport.default = nil
    Mercadopago::Config.class_variable_set(:@@API_BASE_URL, 'https://api.mercadopago.com')
  end

  def refund_json(id = 8)
    %({"id":#{id},"payment_id":7,"amount":100,"status":"approved"})
  end

  def test_a_full_refund_reaches_the_transport_without_a_body
    fake = ScriptedTransport.new([201, refund_json])
    Mercadopago::Transport.default = fake
    result = Mercadopago::SDK.new('TEST-token').refund.create('7')

    assert_equal({ status: 201, response: { 'id' => 8, 'payment_id' => 7, 'amount' => 100, 'status' => 'approved' } },
                 result.to_h)
    request = fake.requests.fetch(0)
    assert_equal ['POST', 'https://api.mercadopago.com/v1/payments/7/refunds', nil],
                 [request.verb, request.url, request.body]
    assert_equal %w[User-Agent Authorization x-product-id x-tracking-id x-idempotency-key Accept Content-Type],
                 request.headers.keys
    assert_equal({ open: 60.0, read: 60.0, write: 60.0 }, request.timeouts)
  end

  def test_a_list_reaches_the_transport_as_a_get_and_answers_the_array
    fake = ScriptedTransport.new([200, "[#{refund_json(8)},#{refund_json(9)}]"])
    Mercadopago::Transport.default = fake
    result = Mercadopago::SDK.new('TEST-token').refund.list(7)

    assert_equal [8, 9], result[:response].map { |refund| refund['id'] }
    assert result.success?
    assert_equal '', result.error_message, 'an array has no message'
    assert_equal [], result.error_causes
    request = fake.requests.fetch(0)
    assert_equal ['GET', 'https://api.mercadopago.com/v1/payments/7/refunds', nil],
                 [request.verb, request.url, request.body]
    assert_equal %w[User-Agent Authorization x-product-id x-tracking-id x-idempotency-key Accept], request.headers.keys
  end

  def test_a_get_is_sent_again_on_a_retry_status_with_the_same_headers
    fake = ScriptedTransport.new([503, '{"message":"busy"}'], [502, '{"message":"busy"}'], [200, refund_json])
    Mercadopago::Transport.default = fake
    retries = []
    ro = Mercadopago::RequestOptions.new(initial_delay_ms: 1, on_retry: ->(attempt, error) { retries << [attempt, error] })
    result = Mercadopago::SDK.new('TEST-token').refund.get(7, 8, request_options: ro)

    assert_equal 200, result[:status]
    assert_equal [[1, nil], [2, nil]], retries
    assert_equal 3, fake.requests.length
    assert_equal 1, fake.requests.map(&:headers).uniq.length, 'the same key on every attempt'
  end

  def test_a_get_gives_up_after_max_retries_and_returns_the_last_answer
    fake = ScriptedTransport.new([500, '{"message":"internal_error","status":500}'])
    Mercadopago::Transport.default = fake
    ro = Mercadopago::RequestOptions.new(max_retries: 2, initial_delay_ms: 1)
    result = Mercadopago::SDK.new('TEST-token').refund.list(7, request_options: ro)

    assert_equal 500, result[:status]
    assert_equal 'internal_error', result.error_message
    assert_equal 3, fake.requests.length, 'the first attempt and two retries'
  end

  def test_only_the_retry_statuses_of_a_get_are_retried
    not_found = [404, '{"message":"Refund not found","status":404,"cause":[{"code":2032}]}']
    fake = ScriptedTransport.new(not_found)
    Mercadopago::Transport.default = fake
    sdk = Mercadopago::SDK.new('TEST-token')
    assert_equal 404, sdk.refund.get(7, 8)[:status]
    assert_equal 1, fake.requests.length, 'a 404 is no retry status'

    sdk.refund.get(7, 8, request_options: Mercadopago::RequestOptions.new(retry_on: [404], max_retries: 1,
                                                                          initial_delay_ms: 1))
    assert_equal 3, fake.requests.length, 'unless retry_on names it'

    busy = ScriptedTransport.new([503, '{"message":"busy"}'])
    Mercadopago::Transport.default = busy
    assert_equal 503, sdk.refund.create(7)[:status]
    assert_equal 1, busy.requests.length, 'a POST is never sent again'
  end

  def test_a_get_answered_with_no_json_raises_without_a_retry
    fake = ScriptedTransport.new([502, '<html>Bad Gateway</html>'])
    Mercadopago::Transport.default = fake

    assert_raises(JSON::ParserError) { Mercadopago::SDK.new('TEST-token').refund.list(7) }
    assert_equal 1, fake.requests.length
  end

  def test_a_refused_get_raises_connection_failed_once
    server = TCPServer.new('127.0.0.1', 0)
    port = server.addr[1]
    server.close
    Mercadopago::Config.class_variable_set(:@@API_BASE_URL, "http://127.0.0.1:#{port}")
    error = assert_raises(Faraday::ConnectionFailed) { Mercadopago::SDK.new('TEST-token').refund.list(7) }

    assert_kind_of Errno::ECONNREFUSED, error.wrapped_exception
  end

  # The bytes on the wire: a full refund is a POST with the JSON Content-Type and no body, so no Content-Length
  # either; a GET has neither.
  def test_net_http_sends_a_full_refund_and_a_get_without_a_body
    heads = capture_requests(2) do
      sdk = Mercadopago::SDK.new('TEST-token')
      assert_equal 201, sdk.refund.create(7)[:status]
      assert_equal 201, sdk.refund.get(7, 8)[:status]
    end

    post, get = heads
    assert_equal 'POST /v1/payments/7/refunds HTTP/1.1', post.first
    assert_includes post, 'Content-Type: application/json'
    refute(post.any? { |line| line.match?(/\AContent-Length:/i) }, post.inspect)
    assert_equal 'GET /v1/payments/7/refunds/8 HTTP/1.1', get.first
    refute(get.any? { |line| line.match?(/\AContent-(Length|Type):/i) }, get.inspect)
  end

  private

  # A local server that reads the head of each request (every one answered 201 with a refund, the connection
  # then closed) while the block runs; returns the heads, each as its lines.
  def capture_requests(count)
    server = TCPServer.new('127.0.0.1', 0)
    Mercadopago::Config.class_variable_set(:@@API_BASE_URL, "http://127.0.0.1:#{server.addr[1]}")
    heads = []
    reader = Thread.new do
      count.times do
        client = server.accept
        lines = []
        while (line = client.gets("\r\n")) && line != "\r\n"
          lines << line.chomp("\r\n")
        end
        heads << lines
        body = refund_json
        client.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: #{body.bytesize}\r\n" \
                     "Connection: close\r\n\r\n#{body}")
        client.close
      end
    end
    yield
    reader.join(5)
    heads
  ensure
    server&.close
  end
end

class RefundSandboxTest < Minitest::Test
  def setup
    @sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))
  end

  def options(key)
    Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => key })
  end

  def assert_api_error(result, status, cause_code)
    assert_kind_of Mercadopago::MPResponse, result
    assert_equal status, result[:status], JSON.generate(result[:response])
    body = result[:response]
    assert_equal status, body['status']
    assert_kind_of String, body['message']
    assert_equal cause_code, body['cause'].fetch(0)['code'], JSON.generate(body)
    refute result.success?
  end

  def assert_refund(result, http_status, payment_id:, amount:)
    assert_kind_of Mercadopago::MPResponse, result
    assert_equal http_status, result[:status], JSON.generate(result[:response])
    assert result.success?
    refund = result[:response]
    assert_equal [Integer(payment_id), amount, 'approved', 'standard'],
                 refund.values_at('payment_id', 'amount', 'status', 'refund_mode')
    assert_kind_of Integer, refund['id']
    refund
  end

  # One method, so the order holds: a partial refund (replayed by its key), read back, then the rest refunded
  # and nothing left to refund.
  def test_refund_part_list_get_then_refund_the_rest
    id = ENV.fetch('CAPTURED_PAYMENT_ID')
    amount = Float(ENV.fetch('REFUND_AMOUNT'))
    key = SecureRandom.uuid

    first = assert_refund(@sdk.refund.create(id, refund_data: { amount: amount }, request_options: options(key)),
                          201, payment_id: id, amount: amount)
    replay = assert_refund(@sdk.refund.create(id, refund_data: { amount: amount }, request_options: options(key)),
                           201, payment_id: id, amount: amount)
    assert_equal first['id'], replay['id'], 'the same key replays the first refund'

    listed = @sdk.refund.list(id)
    assert_equal 200, listed[:status]
    assert_equal [first], listed[:response]

    assert_equal [200, first], @sdk.refund.get(id, first['id']).values_at(:status, :response)
    assert_api_error @sdk.refund.get(id, id), 404, 2032

    rest = assert_refund(@sdk.refund.create(id), 201, payment_id: id, amount: 100 - amount)
    assert_equal [first['id'], rest['id']], @sdk.refund.list(id)[:response].map { |refund| refund['id'] }

    assert_api_error @sdk.refund.create(id), 400, 2063
  end

  def test_a_reserve_has_no_refunds_and_cannot_be_refunded
    id = ENV.fetch('PAYMENT_ID')
    assert_equal({ status: 200, response: [] }, @sdk.refund.list(id).to_h)
    assert_api_error @sdk.refund.create(id), 400, 2063
  end

  def test_an_unknown_payment_returns_404_not_raised
    id = ENV.fetch('MISSING_PAYMENT_ID')
    assert_api_error @sdk.refund.create(id), 404, 2000
    assert_api_error @sdk.refund.list(id), 404, 2000
    assert_api_error @sdk.refund.get(id, 1), 404, 2000
  end
end
