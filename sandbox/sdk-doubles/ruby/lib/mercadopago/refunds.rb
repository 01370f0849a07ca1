# frozen_string_literal: true

module Mercadopago
  # /v1/payments/{id}/refunds, as `sdk.refund` gives it: create, list and get (get is new in the 3.3.0 gem).
  # Every id goes into the path escaped, as in the 3.3.0 gem. refund_data and request_options are keyword
  # arguments: `create(id, { amount: 10.5 })` raises ArgumentError, as it does with the gem.
  class Refund < MPBase
    # POST. Without refund_data, a full refund: no body is sent at all (the JSON Content-Type still is).
    # With { amount: 25.5 }, a refund of that much; the amount goes into the JSON as given, unconverted.
    def create(payment_id, refund_data: nil, request_options: nil)
      raise TypeError, 'Param refund_data must be a Hash' unless refund_data.nil? || refund_data.is_a?(Hash)

      send_json(:post, refunds_of(payment_id), refund_data, request_options)
    end

    # GET, the payment's refunds: :response is the JSON array the API answers, oldest refund first.
    def list(payment_id, request_options: nil)
      read_json(refunds_of(payment_id), request_options)
    end

    # GET one refund of the payment: :response is the refund.
    def get(payment_id, refund_id, request_options: nil)
      read_json("#{refunds_of(payment_id)}/#{escape_segment(refund_id)}", request_options)
    end

    private

    def refunds_of(payment_id)
      "/v1/payments/#{escape_segment(payment_id)}/refunds"
    end
  end
end
