# frozen_string_literal: true

module Mercadopago
  # Payments (mirrors lib/mercadopago/resources/payment.rb).
  # Shortcut: only #create, #update and #capture are implemented; get, search and search_auto_paging_iter
  # are left out.
  class Payment < MPBase
    # POST /v1/payments/ (with the trailing slash, as the real gem sends it) with payment_data as JSON.
    # A reserve is create({ ..., capture: false }, request_options: ro); the API answers 201, also for a
    # declined card (status 'rejected'). request_options is a KEYWORD argument, as in the real gem.
    def create(payment_data, request_options: nil)
      raise TypeError, 'Param payment_data must be a Hash' unless payment_data.is_a?(Hash)

      _post(uri: '/v1/payments/', data: payment_data, request_options: request_options)
    end

    # PUT /v1/payments/{payment_id} with payment_data as JSON, the id URL-escaped. Cancelling a reserve is
    #   update(id, { status: 'cancelled' }, request_options: ro)
    # (a capture through update, { capture: true[, transaction_amount: 75.0] }, sends the same body as #capture).
    # request_options is a KEYWORD argument, exactly as in the real gem: passing the options as a third
    # positional argument raises ArgumentError (wrong number of arguments (given 3, expected 2)).
    def update(payment_id, payment_data, request_options: nil)
      raise TypeError, 'Param payment_data must be a Hash' unless payment_data.is_a?(Hash)

      _put(uri: "/v1/payments/#{_path_param(payment_id)}", data: payment_data, request_options: request_options)
    end

    # New in the 3.3.0 gem. PUT /v1/payments/{payment_id} with { capture: true }, plus transaction_amount
    # when amount is given:
    #   capture(id, request_options: ro)               # the whole reserve: {"capture":true}
    #   capture(id, amount: 75.0, request_options: ro) # part of it: {"capture":true,"transaction_amount":75.0}
    # As in the gem: amount and request_options are KEYWORD arguments; amount is not checked or converted
    # (it goes into the JSON as given: 75.0 -> 75.0, 75 -> 75, '75' -> "75"); and, unlike #update, the id
    # goes into the path as is, NOT URL-escaped.
    def capture(payment_id, amount: nil, request_options: nil)
      payload = { capture: true }
      payload[:transaction_amount] = amount unless amount.nil?
      _put(uri: "/v1/payments/#{payment_id}", data: payload, request_options: request_options)
    end
  end
end
