# frozen_string_literal: true

# Tests of the Ruby SDK double against the sandbox. Run (inside the harness, which sets the env and TLS trust):
#   cd sandbox/sdk-doubles/ruby && ruby test/payment_test.rb
# Env: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (authorized reserve), CAPTURED_PAYMENT_ID, MISSING_PAYMENT_ID.
# PUTs sent, in this order for PAYMENT_ID (the other tests may run before, between or after):
#   PAYMENT_ID {"status":"canceled"} -> 400/2016, PAYMENT_ID {"status":"cancelled"} -> 200 (custom key),
#   PAYMENT_ID {"status":"cancelled"} -> 400/2018 (SDK-generated key),
#   CAPTURED_PAYMENT_ID {"status":"cancelled"} -> 400/2018, MISSING_PAYMENT_ID {"status":"cancelled"} -> 404/2000.
$LOAD_PATH.unshift File.expand_path('../lib', __dir__)
require 'minitest/autorun'
require 'securerandom'
require 'mercadopago'

UUID = /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/.freeze

# Records what the SDK hands to its transport instead of sending it.
class RecordingHttpClient < Mercadopago::HttpClient
  attr_reader :calls

  def put(**args)
    (@calls ||= []) << args
    { status: 200, response: { 'status' => 'cancelled' } }
  end
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
  end

  def test_type_checks_raise_type_error
    assert_raises(TypeError) { Mercadopago::SDK.new(nil) }
    sdk = Mercadopago::SDK.new('TEST-token', http_client: RecordingHttpClient.new)
    assert_raises(TypeError) { sdk.payment.update(1, '{"status":"cancelled"}') }
    assert_raises(TypeError) { sdk.payment.update(1, { status: 'cancelled' }, request_options: {}) }
    assert_raises(TypeError) { Mercadopago::RequestOptions.new(custom_headers: ['X-Idempotency-Key: k']) }
  end
end

class SandboxTest < Minitest::Test
  def setup
    @sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))
  end

  def cancel(id, status: 'cancelled', key: nil)
    ro = key && Mercadopago::RequestOptions.new(custom_headers: { 'X-Idempotency-Key' => key })
    @sdk.payment.update(id, { status: status }, request_options: ro)
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

  # One method, so the order holds: 'canceled' must be refused while the reserve is still authorized.
  def test_cancel_a_reserve_refuses_canceled_then_cancels_then_refuses_a_second_cancel
    id = ENV.fetch('PAYMENT_ID')

    assert_api_error cancel(id, status: 'canceled', key: SecureRandom.uuid), 400, 2016

    result = cancel(id, key: SecureRandom.uuid)
    assert_equal [:status, :response], result.keys
    assert_equal 200, result[:status]
    assert result.success?
    payment = result[:response]
    assert_equal Integer(id), payment['id']
    assert_equal 'cancelled', payment['status']
    assert_equal 'by_collector', payment['status_detail']
    assert_equal false, payment['captured']
    assert_nil payment[:status], 'the body has String keys'

    assert_api_error cancel(id), 400, 2018
  end

  def test_cancelling_a_captured_payment_returns_400_cause_2018
    assert_api_error cancel(ENV.fetch('CAPTURED_PAYMENT_ID'), key: SecureRandom.uuid), 400, 2018
  end

  def test_an_unknown_payment_returns_404_not_raised
    result = cancel(ENV.fetch('MISSING_PAYMENT_ID'), key: SecureRandom.uuid)
    assert_api_error result, 404, 2000
    assert_equal 'not_found', result[:response]['error']
  end
end
