# frozen_string_literal: true

require 'net/http'
require 'openssl'
require 'uri'
require 'zlib'

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
    # verb: 'POST' or 'PUT'; url: the full URL; headers: String => String, in the order they go on the wire;
    # body: the JSON text; timeouts: seconds by kind (:open, :read, :write), empty for the library defaults.
    Request = Struct.new(:verb, :url, :headers, :body, :timeouts, keyword_init: true)
    # status: the HTTP status; body: the response body, labelled with the charset the response names.
    Reply = Struct.new(:status, :body, keyword_init: true)

    class << self
      attr_writer :default

      def default
        @default ||= NetHTTP.new
      end
    end

    # One Net::HTTP connection per request, set up as the gem's Faraday (with its default adapter,
    # faraday-net_http) sets it up: TLS peer verification against OpenSSL's default store (which honours
    # SSL_CERT_FILE and SSL_CERT_DIR), the given timeouts, proxies from the environment, and Net::HTTP's own
    # resend switched off, so every request is sent once. Failures become Faraday errors by the adapter's rules.
    class NetHTTP
      # Raised as Faraday::ConnectionFailed: faraday-net_http's list. Net::OpenTimeout, a Timeout::Error,
      # is among them, so a connect timeout is a failed connection, not a Faraday::TimeoutError.
      CONNECTION_FAILURES = [
        Errno::ECONNREFUSED, Errno::ECONNRESET, Errno::ECONNABORTED, Errno::EHOSTUNREACH, Errno::ENETUNREACH,
        Errno::EADDRNOTAVAIL, Errno::EALREADY, Errno::EINVAL, Errno::EPIPE, IOError, SocketError, Net::OpenTimeout,
        Net::ProtocolError, Net::HTTPBadResponse, Net::HTTPHeaderSyntaxError, Zlib::GzipFile::Error
      ].freeze

      def call(request)
        uri = URI.parse(request.url)
        http = Net::HTTP.new(uri.hostname, uri.port)
        use_tls(http) if uri.scheme == 'https'
        request.timeouts.to_h.each { |kind, seconds| http.public_send(:"#{kind}_timeout=", seconds) }
        http.max_retries = 0
        exchange(http, net_request(request, uri))
      end

      private

      def use_tls(http)
        store = OpenSSL::X509::Store.new
        store.set_default_paths
        http.use_ssl = true
        http.verify_mode = OpenSSL::SSL::VERIFY_PEER
        http.cert_store = store
      end

      # Net::HTTP adds Accept-Encoding (and decompresses the answer), then Host and Content-Length.
      def net_request(request, uri)
        with_body = !request.body.nil?
        Net::HTTPGenericRequest.new(request.verb, with_body, true, uri.request_uri, request.headers).tap do |net|
          net.body = request.body if with_body
        end
      end

      # The message of a Faraday error is the original one, e.g. for a refused connection
      #   Failed to open TCP connection to api.mercadopago.com:443 (Connection refused - connect(2) for ...)
      def exchange(http, net_request)
        response = http.start { |open| open.request(net_request) }
        Reply.new(status: response.code.to_i, body: labelled_body(response))
      rescue OpenSSL::SSL::SSLError => e
        raise Faraday::SSLError, e
      rescue *CONNECTION_FAILURES => e
        raise Faraday::ConnectionFailed, e
      rescue Timeout::Error, Errno::ETIMEDOUT => e
        raise Faraday::TimeoutError, e
      end

      # The bytes as read, marked with the response's charset when Ruby knows it (left as they are otherwise).
      def labelled_body(response)
        body = response.body.to_s
        charset = response['Content-Type'].to_s[/\bcharset=([^;]+)/, 1]
        encoding = charset && Encoding.name_list.find { |name| name.casecmp?(charset.strip) }
        encoding ? body.dup.force_encoding(encoding) : body
      end
    end
  end
end
