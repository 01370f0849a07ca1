# frozen_string_literal: true

# TEST DOUBLE of the `mercadopago-sdk` gem, version 3.3.0 (github.com/mercadopago/sdk-ruby, tag 3.3.0).
# Not the official SDK. It re-implements only what the Ruby examples (examples/*/ruby) use:
#   Mercadopago::SDK.new(token), Mercadopago::RequestOptions, sdk.payment.create(data, request_options: ro),
#   sdk.payment.update(id, data, request_options: ro)
# with the same wire behaviour (path, JSON body, headers) and the same return value
# (a Hash subclass { status: Integer, response: parsed JSON with String keys }; 4xx/5xx are returned, not raised).
# The file layout mirrors lib/ of the real gem so that `require 'mercadopago'` resolves the same way.
# Written for Ruby 3.1 (the real gem requires >= 3.3; nothing here depends on 3.3).
# Shortcut: the real gem's HTTP layer is Faraday 2 + faraday-net_http; this double calls Net::HTTP directly
# (the same library Faraday's default adapter drives) because Faraday cannot be installed here.
module Mercadopago; end

require_relative 'mercadopago/config/config'
require_relative 'mercadopago/config/request_options'
require_relative 'mercadopago/errors/response'
require_relative 'mercadopago/http/http_client'
require_relative 'mercadopago/core/mp_base'
require_relative 'mercadopago/resources/payment'
require_relative 'mercadopago/sdk'
