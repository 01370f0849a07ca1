require 'json'
require 'mercadopago'

sdk = Mercadopago::SDK.new(ENV.fetch('MERCADOPAGO_ACCESS_TOKEN'))

# A read changes nothing, so it needs no idempotency key of yours (the SDK adds one of its own anyway).
# No answer at all (DNS, refused connection, TLS, timeout) is raised, as a Faraday::Error: the SDK talks
# HTTP through Faraday and loads it itself.
begin
  result = sdk.refund.list(ENV.fetch('PAYMENT_ID'))
rescue Faraday::Error => e
  abort "Could not reach Mercado Pago: #{e.message}"
end

# The SDK returns API errors instead of raising them.
if result[:status] == 200
  # An array of the payment's refunds, oldest first; empty if it has none.
  puts JSON.pretty_generate(result[:response])
else
  warn "Mercado Pago API error #{result[:status]}: #{JSON.generate(result[:response])}"
  exit 1
end
