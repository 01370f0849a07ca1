# frozen_string_literal: true

# The Ruby double's transport in the reader's browser (Run): ruby.wasm has no sockets, so the double's
# Net::HTTP cannot load there. Its seam, Mercadopago::Transport.default, is set to this before the tab's
# program runs (./worker.ts), and the program itself is unchanged. This file is the site's, not the
# double's: only the browser runner loads it, and the double's own tests never see it.
#
# Each request goes out through the Worker's global fetch, which sends it through the page
# (docs/lib/run/fetch-through-page.ts), so the page's sandbox answers it.
require 'js'

module Mercadopago
  module Transport
    class Fetch
      # What the double's HttpClient expects of a transport: a Reply with the status and the body, or, when
      # nothing answered, a Faraday::Error, as the Net::HTTP transport gives. The request's timeouts are not
      # applied: the page's sandbox answers at once, and the console's Stop ends a run that waits.
      def call(request)
        init = { method: request.verb, headers: request.headers }
        init[:body] = request.body unless request.body.nil?
        response = settle(JS.global.fetch(request.url, init.to_js))
        # fetch decodes the body as UTF-8, the API's encoding, which JSON.parse wants.
        Reply.new(status: response[:status].to_i, body: settle(response.text).to_s)
      end

      private

      # Waits for a promise. A rejection (fetch's TypeError: no answer at all) becomes the Faraday error the
      # examples rescue, "Could not reach Mercado Pago: …", with the JS error's own message, as the Net::HTTP
      # transport keeps the socket error's. Caught in JS, so the message is the error's, not its stack.
      def settle(promise)
        failure = nil
        value = promise.call(:catch, ->(error) { failure = error }).await
        raise Faraday::ConnectionFailed, failure[:message].to_s unless failure.nil?

        value
      end
    end
  end
end
