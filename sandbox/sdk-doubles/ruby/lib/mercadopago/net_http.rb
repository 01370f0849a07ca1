# frozen_string_literal: true

require 'net/http'
require 'openssl'
require 'uri'
require 'zlib'

module Mercadopago
  module Transport
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
        # Faraday finds the proxy for the request's own URL (https_proxy or HTTPS_PROXY for an https one,
        # no_proxy honoured) and hands it to Net::HTTP; nil means none. Net::HTTP left to read the
        # environment itself would take http_proxy, even for https.
        proxy = uri.find_proxy
        http = Net::HTTP.new(uri.hostname, uri.port, proxy&.hostname, proxy&.port, proxy&.user, proxy&.password)
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
