# frozen_string_literal: true

module Mercadopago
  # Payments (mirrors lib/mercadopago/resources/payment.rb).
  # Shortcut: only #create and #update are implemented; get, search, capture and search_auto_paging_iter
  # are left out. (The 3.3.0 gem added capture(payment_id, amount: nil, request_options: nil), a PUT of
  # { capture: true[, transaction_amount: amount] } to the same path, the id not escaped there; the examples
  # capture with #update, which every 3.x release has.)
  class Payment < MPBase
    # POST /v1/payments/ (with the trailing slash, as the real gem sends it) with payment_data as JSON.
    # A reserve is create({ ..., capture: false }, request_options: ro); the API answers 201, also for a
    # declined card (status 'rejected'). request_options is a KEYWORD argument, as in the real gem.
    def create(payment_data, request_options: nil)
      raise TypeError, 'Param payment_data must be a Hash' unless payment_data.is_a?(Hash)

      _post(uri: '/v1/payments/', data: payment_data, request_options: request_options)
    end

    # PUT /v1/payments/{payment_id} with payment_data as JSON. Cancelling and capturing a reserve are
    #   update(id, { status: 'cancelled' }, request_options: ro)
    #   update(id, { capture: true }, request_options: ro)                           # the whole reserve
    #   update(id, { capture: true, transaction_amount: 75.0 }, request_options: ro) # part of it
    # request_options is a KEYWORD argument, exactly as in the real gem: passing the options as a third
    # positional argument raises ArgumentError (wrong number of arguments (given 3, expected 2)).
    def update(payment_id, payment_data, request_options: nil)
      raise TypeError, 'Param payment_data must be a Hash' unless payment_data.is_a?(Hash)

      _put(uri: "/v1/payments/#{_path_param(payment_id)}", data: payment_data, request_options: request_options)
    end
  end
end
