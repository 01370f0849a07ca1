# frozen_string_literal: true

require 'json'

module Mercadopago
  # The client every resource talks through (SDK.new's http_client: must be one, or a subclass). post and put
  # take the gem's keywords and return { status:, response: }: the status whatever it is (4xx and 5xx are
  # not raised) and the body parsed as JSON (a body that is not JSON raises JSON::ParserError, as in the
  # gem). The request goes out through Mercadopago::Transport.default; a failed connection raises what the
  # gem's Faraday raises (Faraday::ConnectionFailed, SSLError or TimeoutError), after one attempt: neither
  # the gem nor Faraday's default stack resends a POST or PUT. The gem's get and delete are left out.
  class HttpClient
    # Faraday 2.14.3 starts every request's headers with this. The SDK's own User-Agent replaces the value;
    # the name keeps its place, first.
    FARADAY_USER_AGENT = 'Faraday v2.14.3'

    def post(url:, data:, headers:, timeout: nil)
      round_trip('POST', url, data, headers, timeout)
    end

    def put(url:, data:, headers:, timeout: nil)
      round_trip('PUT', url, data, headers, timeout)
    end

    private

    def round_trip(verb, url, body, headers, timeout)
      timeouts = timeout.nil? ? {} : { open: timeout, read: timeout, write: timeout }
      request = Transport::Request.new(verb: verb, url: url, headers: wire_headers(headers), body: body,
                                       timeouts: timeouts)
      reply = Transport.default.call(request)
      { status: reply.status, response: JSON.parse(reply.body) }
    end

    # The header table as Faraday keeps it: Symbol names become Strings; a name already there in another
    # letter case keeps its first spelling and place and takes the new value; values become Strings, with
    # lists joined by ", ".
    def wire_headers(given)
      (given || {}).each_with_object({ 'User-Agent' => FARADAY_USER_AGENT }) do |(name, value), table|
        spelling = table.each_key.find { |known| known.casecmp?(name.to_s) } || name.to_s
        table[spelling] = value.respond_to?(:to_ary) ? value.to_ary.join(', ') : value.to_s
      end
    end
  end
end
