# frozen_string_literal: true

require 'json'
require 'securerandom'

module Mercadopago
  # The client every resource talks through (SDK.new's http_client: must be one, or a subclass). get, post and
  # put take the gem's keywords and return { status:, response: }: the status whatever it is (4xx and 5xx are
  # not raised) and the body parsed as JSON (a body that is not JSON raises JSON::ParserError, as in the
  # gem). The request goes out through Mercadopago::Transport.default; a failed connection raises what the
  # gem's Faraday raises (Faraday::ConnectionFailed, SSLError or TimeoutError), at once. A POST or PUT is
  # sent once (neither the gem nor Faraday's default stack resends one); a GET is sent again, after a pause,
  # while it is answered with a status of retry_on, up to maxretries more times. The gem's delete is left out.
  class HttpClient
    # Faraday 2.14.3 starts every request's headers with this. The SDK's own User-Agent replaces the value;
    # the name keeps its place, first.
    FARADAY_USER_AGENT = 'Faraday v2.14.3'
    # The gem's first pause before a GET is resent, when the options name none.
    FIRST_PAUSE_MS = 1000

    # Each pause doubles the one before, from initial_delay_ms up to max_delay_ms; with jitter, a random part
    # of it. on_retry, if given, is called before each pause with the number of the retry (1, 2, ...) and nil.
    # Query parameters (params:, which only the gem's searches use) are not covered: the double refuses them.
    def get(url:, headers:, params: nil, timeout: nil, maxretries: nil, retry_on: nil, initial_delay_ms: nil,
            max_delay_ms: nil, jitter: false, on_retry: nil)
      raise ArgumentError, 'the SDK double sends no query parameters' unless params.nil? || params.empty?

      statuses = retry_on || RequestOptions::DEFAULT_RETRY_ON
      retries = maxretries.to_i
      first = (initial_delay_ms || FIRST_PAUSE_MS).to_i
      longest = (max_delay_ms || RequestOptions::DEFAULT_MAX_DELAY).to_i
      0.step do |retried|
        # Parsed before the status is looked at, so a body that is not JSON raises without a retry, as in the gem.
        result = round_trip('GET', url, nil, headers, timeout)
        return result if retried >= retries || !statuses.include?(result[:status])

        on_retry&.call(retried + 1, nil)
        sleep(pause_ms(retried, first, longest, jitter) / 1000.0)
      end
    end

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

    def pause_ms(retried, first, longest, jitter)
      doubled = [first * (2**retried), longest].min
      jitter && doubled.positive? ? SecureRandom.random_number(doubled + 1) : doubled
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
