# frozen_string_literal: true

require 'cgi'
require 'json'

module Mercadopago
  # Base class of the API resources (mirrors lib/mercadopago/core/mp_base.rb).
  # Shortcut: only the POST and PUT helpers are implemented (_get and _delete are left out).
  class MPBase
    def initialize(request_options, http_client)
      raise TypeError, 'Param request_options must be a RequestOptions object' unless request_options.is_a?(RequestOptions)

      @request_options = request_options
      @http_client = http_client
      @config = Config.new
    end

    # Per-call options fall back to the SDK's; a per-call object without a token is given the SDK's token
    # (the object passed in is modified, as in the real gem).
    def _check_request_options(request_options = nil)
      request_options = @request_options if request_options.nil?
      raise TypeError, 'Param request_options must be a RequestOptions object' unless request_options.is_a?(RequestOptions)

      request_options.access_token = @request_options.access_token if request_options.access_token.nil?
      request_options
    end

    def _check_headers(request_options = nil, extra_headers = nil)
      headers = (request_options || @request_options).get_headers
      headers.merge!(extra_headers) unless extra_headers.nil?
      headers
    end

    # The id goes into the path URL-escaped, spaces as %20.
    def _path_param(value)
      CGI.escape(value.to_s).gsub('+', '%20')
    end

    # As in the real gem, POST adds nothing of its own: the idempotency key is the fresh one every
    # RequestOptions#get_headers call generates, unless custom_headers gives one.
    def _post(uri:, data:, request_options: nil)
      raise TypeError, 'Data must be a Hash' unless data.nil? || data.is_a?(Hash)

      request_options = _check_request_options(request_options)
      headers = _check_headers(request_options, { 'Content-Type': @config.mime_json })
      MPResponse.new(
        @http_client.post(url: @config.api_base_url + uri, data: data&.to_json, headers: headers,
                          timeout: request_options.connection_timeout)
      )
    end

    def _put(uri:, data:, request_options: nil)
      raise TypeError, 'Data must be a Hash' unless data.nil? || data.is_a?(Hash)

      request_options = _check_request_options(request_options)
      headers = _check_headers(request_options, { 'Content-Type': @config.mime_json })
      MPResponse.new(
        @http_client.put(url: @config.api_base_url + uri, data: data.to_json, headers: headers,
                         timeout: request_options.connection_timeout)
      )
    end
  end
end
