# frozen_string_literal: true

require 'json'

module Mercadopago
  # What every call returns: a Hash holding :status (the HTTP status, an Integer) and :response (the JSON body
  # parsed, String keys). API errors come back this way too, they are not raised. request_id stays nil, as in
  # the 3.3.0 gem, which never fills it in. raise_for_status! and the gem's error classes are left out.
  class MPResponse < Hash
    attr_reader :request_id

    def initialize(raw = {}, request_id: nil)
      super()
      raw.each_pair { |key, value| store(key, value) }
      @request_id = request_id
    end

    def status_code
      entry(:status) || 0
    end

    def success?
      (200...300).cover?(status_code)
    end

    def error_message
      from_body('message', '')
    end

    def error_causes
      from_body('cause', [])
    end

    private

    # Symbol or String keys are both read, at the top and in the body.
    def entry(key)
      self[key] || self[key.to_s]
    end

    def from_body(key, fallback)
      body = entry(:response)
      return fallback unless body.is_a?(Hash)

      body[key] || body[key.to_sym] || fallback
    end
  end

  # What the resources share: the options and client they were made with, and one way to call the API per verb.
  class MPBase
    OPTIONS_TYPE_ERROR = 'Param request_options must be a RequestOptions object'
    private_constant :OPTIONS_TYPE_ERROR

    def initialize(request_options, http_client)
      raise TypeError, OPTIONS_TYPE_ERROR unless request_options.is_a?(RequestOptions)

      @request_options = request_options
      @http_client = http_client
    end

    private

    # Sends payload as JSON to the API path with the verb the client answers to (:post or :put) and wraps the
    # { status:, response: } it returns. A nil payload sends no body at all (a full refund), though the
    # Content-Type header still goes.
    def send_json(verb, path, payload, call_options)
      options = options_for(call_options)
      config = Config.new
      answer = @http_client.public_send(
        verb,
        url: "#{config.api_base_url}#{path}",
        data: payload&.to_json,
        headers: options.get_headers.merge('Content-Type': config.mime_json),
        timeout: options.connection_timeout
      )
      MPResponse.new(answer)
    end

    # A GET of the API path, wrapped likewise. It carries the options' headers as every call does (a fresh
    # idempotency key included, which the API ignores on a read), no Content-Type, and the retry settings:
    # the client sends a GET again on the statuses they name.
    def read_json(path, call_options)
      options = options_for(call_options)
      answer = @http_client.get(
        url: "#{Config.new.api_base_url}#{path}",
        headers: options.get_headers,
        timeout: options.connection_timeout,
        maxretries: options.max_retries,
        retry_on: options.retry_on,
        initial_delay_ms: options.initial_delay_ms,
        max_delay_ms: options.max_delay_ms,
        jitter: options.jitter,
        on_retry: options.on_retry
      )
      MPResponse.new(answer)
    end

    # Options given for the call replace the resource's; if they carry no token they get the resource's,
    # written into the caller's object, as the gem does.
    def options_for(call_options)
      options = call_options.nil? ? @request_options : call_options
      raise TypeError, OPTIONS_TYPE_ERROR unless options.is_a?(RequestOptions)

      options.access_token = @request_options.access_token if options.access_token.nil?
      options
    end

    # A path segment the way the gem's update and refund calls write an id: every byte but A-Z a-z 0-9 _ . - ~
    # as %XX (so a space is %20, a slash %2F).
    def escape_segment(value)
      value.to_s.b.gsub(/[^A-Za-z0-9_.~-]/) { |byte| format('%%%02X', byte.ord) }
    end

    def payment_hash(value)
      raise TypeError, 'Param payment_data must be a Hash' unless value.is_a?(Hash)

      value
    end
  end

  # /v1/payments. create, update and capture; the gem's get, search and search_auto_paging_iter are left out.
  # request_options (and capture's amount) are keyword arguments, as in the gem: given positionally they raise
  # ArgumentError.
  class Payment < MPBase
    # POST /v1/payments/, with the gem's trailing slash. A reserve is data with `capture: false`.
    def create(payment_data, request_options: nil)
      send_json(:post, '/v1/payments/', payment_hash(payment_data), request_options)
    end

    # PUT /v1/payments/{id}, the id escaped. Cancelling a reserve is update(id, { status: 'cancelled' }).
    def update(payment_id, payment_data, request_options: nil)
      send_json(:put, "/v1/payments/#{escape_segment(payment_id)}", payment_hash(payment_data), request_options)
    end

    # PUT /v1/payments/{id} with {"capture":true}, and transaction_amount when an amount is given. As in the
    # gem, the amount goes into the JSON untouched (75.0, 75 and '75' all differ) and the id is NOT escaped.
    def capture(payment_id, amount: nil, request_options: nil)
      payload = amount.nil? ? { capture: true } : { capture: true, transaction_amount: amount }
      send_json(:put, "/v1/payments/#{payment_id}", payload, request_options)
    end
  end
end
