require 'json'
require 'securerandom'
require 'mercadopago'

sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))

# A new key for each reserve; reuse it only to retry this same request, so the funds are not reserved twice.
request_options = Mercadopago::RequestOptions.new(
  custom_headers: { 'X-Idempotency-Key' => SecureRandom.uuid }
)

# No answer at all (DNS, refused connection, TLS, timeout) is raised, as a Faraday::Error: the SDK talks
# HTTP through Faraday and loads it itself.
begin
  result = sdk.payment.create(
    {
      transaction_amount: 100,
      # The single-use card token your front end created (Card Payment Brick or MercadoPago.js).
      token: ENV.fetch('CARD_TOKEN'),
      description: 'Reserve',
      installments: 1,
      payment_method_id: 'visa',
      payer: { email: 'test_user_123@testuser.com' },
      # Authorize the amount without charging it: the funds stay reserved until you capture or cancel.
      capture: false
    },
    request_options: request_options
  )
rescue Faraday::Error => e
  abort "Could not reach Mercado Pago: #{e.message}"
end

# The SDK returns API errors instead of raising them.
if result[:status] == 201
  # A declined card is a 201 too: the payment's status says "authorized" (reserved) or "rejected".
  # Keep the payment's id to capture or cancel the reserve.
  puts JSON.pretty_generate(result[:response])
else
  warn "Mercado Pago API error #{result[:status]}: #{JSON.generate(result[:response])}"
  exit 1
end
