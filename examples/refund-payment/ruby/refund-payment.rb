require 'json'
require 'securerandom'
require 'mercadopago'

sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))

# A new key for each refund; reuse it only to retry this same request, so the money is not refunded twice.
request_options = Mercadopago::RequestOptions.new(
  custom_headers: { 'X-Idempotency-Key' => SecureRandom.uuid }
)

# Without refund_data the SDK sends no body: the API refunds all that is left of the payment.
# No answer at all (DNS, refused connection, TLS, timeout) is raised, as a Faraday::Error: the SDK talks
# HTTP through Faraday and loads it itself.
begin
  result = sdk.refund.create(
    ENV.fetch('PAYMENT_ID'),
    request_options: request_options
  )
rescue Faraday::Error => e
  abort "Could not reach Mercado Pago: #{e.message}"
end

# The SDK returns API errors instead of raising them.
if result[:status] == 201
  # The refund; the payment itself is now "refunded".
  puts JSON.pretty_generate(result[:response])
else
  warn "Mercado Pago API error #{result[:status]}: #{JSON.generate(result[:response])}"
  exit 1
end
