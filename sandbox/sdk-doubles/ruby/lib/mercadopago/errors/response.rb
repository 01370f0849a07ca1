# frozen_string_literal: true

module Mercadopago
  # The value every call returns (mirrors lib/mercadopago/errors/response.rb): a plain Hash with the
  # Symbol keys :status (HTTP status, Integer) and :response (the parsed JSON body, String keys).
  # Shortcut: #raise_for_status! and the typed error classes of lib/mercadopago/errors/exceptions.rb are
  # left out (the example does not use them); request_id is always nil, as it is in the real 3.3.0 gem,
  # whose MPBase never passes the x-request-id header on.
  class MPResponse < Hash
    attr_reader :request_id

    def initialize(raw = {}, request_id: nil)
      super()
      update(raw)
      @request_id = request_id
    end

    def status_code
      self[:status] || self['status'] || 0
    end

    def success?
      status_code >= 200 && status_code < 300
    end

    def error_message
      body = self[:response] || self['response'] || {}
      body.is_a?(Hash) ? (body['message'] || body[:message] || '') : ''
    end

    def error_causes
      body = self[:response] || self['response'] || {}
      body.is_a?(Hash) ? (body['cause'] || body[:cause] || []) : []
    end
  end
end
