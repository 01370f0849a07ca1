# frozen_string_literal: true

module Mercadopago
  # The double's one seam to the network. HttpClient hands every request to Transport.default, which is
  # anything with `call(request)` answering an object with `status` (Integer) and `body` (String), or raising
  # a Faraday::Error subclass when the API cannot be reached. Net::HTTP is the default; a program that cannot
  # open sockets (ruby.wasm, where a transport would use the browser's fetch) sets another one before it
  # runs, and the examples, which only call Mercadopago::SDK.new(token), stay as they are:
  #
  #   Mercadopago::Transport.default = ->(request) { Mercadopago::Transport::Reply.new(status: 200, body: '{}') }
  #   Mercadopago::Transport.default = nil # back to Net::HTTP
  #
  # This seam is the double's, not the gem's (the gem builds a new Faraday connection per request).
  module Transport
    # verb: 'GET', 'POST' or 'PUT'; url: the full URL; headers: String => String, in the order they go on the
    # wire; body: the JSON text, or nil for none (a GET, a full refund); timeouts: seconds by kind (:open,
    # :read, :write), empty for the library defaults.
    Request = Struct.new(:verb, :url, :headers, :body, :timeouts, keyword_init: true)
    # status: the HTTP status; body: the response body, labelled with the charset the response names.
    Reply = Struct.new(:status, :body, keyword_init: true)

    class << self
      attr_writer :default

      def default
        @default ||= NetHTTP.new
      end
    end

    # Loaded on first use, not with the double: Net::HTTP needs sockets, which ruby.wasm has not, so a
    # program there that sets its own transport first must not require net/http at all.
    autoload :NetHTTP, File.expand_path('net_http', __dir__)
  end
end
