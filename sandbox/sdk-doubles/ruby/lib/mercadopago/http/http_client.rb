# frozen_string_literal: true

require 'json'
require 'net/http'
require 'openssl'
require 'uri'

module Mercadopago
  # Transport (mirrors lib/mercadopago/http/http_client.rb of the gem, which uses Faraday 2 with its default
  # adapter faraday-net_http 3.4). Shortcut: this double drives Net::HTTP itself, reproducing what that
  # adapter does: a new connection per request, TLS with VERIFY_PEER against OpenSSL's default store
  # (OpenSSL::X509::Store#set_default_paths, which honours SSL_CERT_FILE / SSL_CERT_DIR), open/read/write
  # timeouts = RequestOptions#connection_timeout, and Net::HTTP's own retry disabled (max_retries = 0),
  # so a POST or PUT is sent exactly once. Proxies: Faraday reads http(s)_proxy/no_proxy itself; Net::HTTP.new's
  # default (:ENV) does the same here.
  # Shortcut: only #post and #put are implemented (GET with retries and DELETE are left out).
  # Shortcut: transport failures surface as the raw Net::HTTP / OpenSSL / Errno / Timeout exceptions;
  # the real gem lets Faraday::ConnectionFailed, Faraday::SSLError or Faraday::TimeoutError escape instead.
  # Either way nothing is rescued: the caller gets an exception, not a {status:, response:} hash.
  class HttpClient
    # What Faraday 2.14 puts in every connection's headers before the SDK's own (the SDK then replaces it).
    FARADAY_DEFAULT_HEADERS = { 'User-Agent' => 'Faraday v2.14.3' }.freeze

    def post(url:, data:, headers:, timeout: nil)
      build_result(execute('POST', url, headers: headers, body: data, timeout: timeout))
    end

    def put(url:, data:, headers:, timeout: nil)
      build_result(execute('PUT', url, headers: headers, body: data, timeout: timeout))
    end

    private

    def execute(method, url, headers:, body: nil, timeout: nil)
      uri = URI.parse(url)
      http = Net::HTTP.new(uri.hostname, uri.port)
      if uri.scheme == 'https'
        http.use_ssl = true
        http.verify_mode = OpenSSL::SSL::VERIFY_PEER
        http.cert_store = OpenSSL::X509::Store.new.tap(&:set_default_paths)
      end
      if timeout
        http.open_timeout = timeout
        http.read_timeout = timeout
        http.write_timeout = timeout
      end
      http.max_retries = 0

      request = Net::HTTPGenericRequest.new(method, !body.nil?, true, uri.request_uri, wire_headers(headers))
      request.body = body unless body.nil?
      http.start { |conn| conn.request(request) }
    end

    # Faraday keeps header names as given (String keys after the SDK's stringify) and turns values into
    # Strings (arrays joined with ", "); Net::HTTP then matches names case-insensitively, the last one wins.
    def wire_headers(headers)
      (headers || {}).each_with_object(FARADAY_DEFAULT_HEADERS.dup) do |(name, value), out|
        key = out.keys.find { |k| k.casecmp?(name.to_s) } || name.to_s
        out[key] = value.respond_to?(:to_ary) ? value.to_ary.join(', ') : value.to_s
      end
    end

    # As in the real gem: the status and the JSON-parsed body, whatever the status (4xx/5xx are not raised).
    # A body that is not JSON (an HTML gateway page, an empty body) raises JSON::ParserError, as there.
    def build_result(response)
      body = response.body || +''
      charset = response['Content-Type'].to_s[/\bcharset=([^;]+)/, 1]
      if charset
        begin
          body = body.dup.force_encoding(Encoding.find(charset.strip))
        rescue ArgumentError
          nil
        end
      end
      { status: response.code.to_i, response: JSON.parse(body) }
    end
  end
end
