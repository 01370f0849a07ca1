# frozen_string_literal: true

module Mercadopago
  # Payments (mirrors lib/mercadopago/resources/payment.rb).
  # Shortcut: only #update is implemented; create, get, search, capture and search_auto_paging_iter are left out.
  class Payment < MPBase
    # PUT /v1/payments/{payment_id} with payment_data as JSON. Cancelling a payment is
    #   update(id, { status: 'cancelled' }, request_options: ro)
    # request_options is a KEYWORD argument, exactly as in the real gem: passing the options as a third
    # positional argument raises ArgumentError (wrong number of arguments (given 3, expected 2)).
    def update(payment_id, payment_data, request_options: nil)
      raise TypeError, 'Param payment_data must be a Hash' unless payment_data.is_a?(Hash)

      _put(uri: "/v1/payments/#{_path_param(payment_id)}", data: payment_data, request_options: request_options)
    end
  end
end
