require 'json'
require 'securerandom'
require 'mercadopago'

sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))

# A new key for each cancellation; reuse it only to retry this same request.
request_options = Mercadopago::RequestOptions.new(
  custom_headers: { 'X-Idempotency-Key' => SecureRandom.uuid }
)

# Only a payment that is not approved yet (pending, in process, or a reserve) can be cancelled; an approved
# one is refused with 400 and has to be refunded instead.
# No answer at all (DNS, refused connection, TLS, timeout) is raised, as a Faraday::Error: the SDK talks
# HTTP through Faraday and loads it itself.
begin
  result = sdk.payment.update(
    ENV.fetch('PAYMENT_ID'),
    { status: 'cancelled' },
    request_options: request_options
  )
rescue Faraday::Error => e
  abort "Could not reach Mercado Pago: #{e.message}"
end

# The SDK returns API errors instead of raising them.
if result[:status] == 200
  puts JSON.pretty_generate(result[:response])
else
  warn "Mercado Pago API error #{result[:status]}: #{JSON.generate(result[:response])}"
  exit 1
end
