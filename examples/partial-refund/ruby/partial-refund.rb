require 'json'
require 'securerandom'
require 'mercadopago'

sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))

# The API wants a JSON number, no more than what is left of the payment.
# The SDK puts the amount into the JSON as given, so convert the text here; Float() raises on text
# that is not a number, so a bad REFUND_AMOUNT stops here.
amount = Float(ENV.fetch('REFUND_AMOUNT'))

# A new key for each refund; reuse it only to retry this same request, so the money is not refunded twice.
request_options = Mercadopago::RequestOptions.new(
  custom_headers: { 'X-Idempotency-Key' => SecureRandom.uuid }
)

# refund_data is a keyword argument: passed as a plain second argument, the hash raises ArgumentError.
# No answer at all (DNS, refused connection, TLS, timeout) is raised, as a Faraday::Error: the SDK talks
# HTTP through Faraday and loads it itself.
begin
  result = sdk.refund.create(
    ENV.fetch('PAYMENT_ID'),
    refund_data: { amount: amount },
    request_options: request_options
  )
rescue Faraday::Error => e
  abort "Could not reach Mercado Pago: #{e.message}"
end

# The SDK returns API errors instead of raising them.
if result[:status] == 201
  # The refund; the payment stays "approved", its status_detail now "partially_refunded".
  puts JSON.pretty_generate(result[:response])
else
  warn "Mercado Pago API error #{result[:status]}: #{JSON.generate(result[:response])}"
  exit 1
end
