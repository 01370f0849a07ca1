# frozen_string_literal: true

# TEST DOUBLE standing in for the `mercadopago-sdk` gem 3.3.0; it is not the official SDK.
# Written from the gem's documented and observed behaviour: what a program sees (class and method names,
# signatures, TypeError messages, headers and their order, return values, the Faraday errors a failed
# connection raises) is the gem's; the code, its layout and these comments are the double's own.
# It covers what the Ruby examples (examples/*/ruby) and this double's tests use; README.md lists the rest.
# Runs on Ruby 3.1 (Debian's), although the gem itself asks for 3.3.
#
# Layout (ours, not the gem's lib/):
#   mercadopago.rb                 SDK, the entry point
#   mercadopago/settings.rb        Config (the gem's fixed values) and RequestOptions (per-call headers)
#   mercadopago/payments.rb        MPResponse, MPBase and Payment (create, update, capture)
#   mercadopago/refunds.rb         Refund (create, list, get)
#   mercadopago/http_client.rb     HttpClient: what the gem's Faraday connection does with a GET, POST or PUT
#   mercadopago/transport.rb       the one seam to the network: Mercadopago::Transport.default
#   mercadopago/net_http.rb        its default, Net::HTTP, loaded only when used (ruby.wasm has no sockets)
#   mercadopago/faraday_errors.rb  stand-in for Faraday's error classes (nothing else of Faraday)
module Mercadopago; end

require_relative 'mercadopago/faraday_errors'
require_relative 'mercadopago/settings'
require_relative 'mercadopago/transport'
require_relative 'mercadopago/http_client'
require_relative 'mercadopago/payments'
require_relative 'mercadopago/refunds'

module Mercadopago
  # Entry point: `Mercadopago::SDK.new(access_token)`, then one resource object per call (`sdk.payment`,
  # `sdk.refund`). Only these two resources are here.
  class SDK
    attr_reader :http_client, :access_token

    def initialize(access_token, http_client: nil, request_options: nil)
      self.access_token = access_token
      # Defaults are made before any check but the token's, so the TypeErrors come in the gem's order.
      http_client = HttpClient.new if http_client.nil?
      request_options = RequestOptions.new(access_token: access_token) if request_options.nil?
      self.http_client = http_client
      self.request_options = request_options
    end

    def payment
      Payment.new(request_options, @http_client)
    end

    def refund
      Refund.new(request_options, @http_client)
    end

    def access_token=(value)
      @access_token = insist(value, String, 'Param access_token must be a String')
    end

    def http_client=(value)
      @http_client = insist(value, HttpClient, 'Param http_client must be a implementation of HttpClient')
    end

    def request_options=(value)
      @request_options = insist(value, RequestOptions, 'Param request_options must be a RequestOptions object')
    end

    # Options given without a token take the SDK's on first use (the object itself is changed).
    def request_options
      @request_options.tap { |options| options.access_token = access_token if options.access_token.nil? }
    end

    private

    def insist(value, type, message)
      raise TypeError, message unless value.is_a?(type)

      value
    end
  end
end
