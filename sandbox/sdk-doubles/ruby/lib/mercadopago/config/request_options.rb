# frozen_string_literal: true

require 'securerandom'

module Mercadopago
  # Per-request configuration (mirrors lib/mercadopago/config/request_options.rb of the gem).
  # The constructor takes the same keywords as the real one, so an unknown keyword raises ArgumentError
  # just as it would there, and the same setters raise TypeError on the same wrong types.
  class RequestOptions
    DEFAULT_RETRY_ON = [429, 500, 502, 503, 504].freeze
    DEFAULT_MAX_DELAY = 30_000

    attr_reader :access_token, :connection_timeout, :custom_headers, :corporation_id, :integrator_id,
                :platform_id, :max_retries, :initial_delay_ms, :max_delay_ms, :jitter, :retry_on, :on_retry

    def initialize(access_token: nil, connection_timeout: 60.0, custom_headers: nil, corporation_id: nil,
                   integrator_id: nil, platform_id: nil, max_retries: 3, initial_delay_ms: nil,
                   max_delay_ms: DEFAULT_MAX_DELAY, jitter: false, retry_on: nil, on_retry: nil)
      self.access_token = access_token
      self.connection_timeout = connection_timeout
      self.custom_headers = custom_headers
      self.corporation_id = corporation_id
      self.integrator_id = integrator_id
      self.platform_id = platform_id
      self.max_retries = max_retries
      # Shortcut: the retry settings below are stored but never used. In the real gem only GET requests
      # retry; POST and PUT (the only calls this double implements) are sent exactly once there too.
      @initial_delay_ms = initial_delay_ms
      @max_delay_ms = max_delay_ms
      @jitter = jitter
      @retry_on = retry_on
      @on_retry = on_retry
      @config = Config.new
    end

    # The headers of one request. As in the real gem, a fresh UUID idempotency key is generated on every
    # call, and custom headers replace generated ones whose names match case-insensitively.
    def get_headers # rubocop:disable Naming/AccessorMethodName -- same name as the real gem
      headers = { Authorization: "Bearer #{@access_token}",
                  'x-product-id' => @config.product_id,
                  'x-tracking-id' => @config.tracking_id,
                  'x-idempotency-key' => SecureRandom.uuid,
                  'User-Agent' => @config.user_agent,
                  Accept: @config.mime_json }
      headers['x-corporation-id'] = @corporation_id unless @corporation_id.nil?
      headers['x-integrator-id'] = @integrator_id unless @integrator_id.nil?
      headers['x-platform-id'] = @platform_id unless @platform_id.nil?
      return headers if @custom_headers.nil?

      overridden = @custom_headers.keys.map { |name| name.to_s.downcase }
      headers.reject! { |name, _| overridden.include?(name.to_s.downcase) }
      headers.merge!(@custom_headers)
    end

    # Same quirk as the real setter: once a token is set, assigning nil raises TypeError.
    def access_token=(value)
      raise TypeError, 'Param access_token must be a String' unless access_token.nil? || value.is_a?(String)

      @access_token = value
    end

    def custom_headers=(value)
      raise TypeError, 'Param custom_headers must be a Hash' unless value.nil? || value.is_a?(Hash)

      @custom_headers = value
    end

    def connection_timeout=(value)
      raise TypeError, 'Param connection_timeout must be a Float' unless value.is_a?(Float)

      @connection_timeout = value
    end

    def corporation_id=(value)
      raise TypeError, 'Param corporation_id must be a String' unless value.nil? || value.is_a?(String)

      @corporation_id = value
    end

    def integrator_id=(value)
      raise TypeError, 'Param integrator_id must be a String' unless value.nil? || value.is_a?(String)

      @integrator_id = value
    end

    def platform_id=(value)
      raise TypeError, 'Param platform_id must be a String' unless value.nil? || value.is_a?(String)

      @platform_id = value
    end

    def max_retries=(value)
      raise TypeError, 'Param max_retries must be a Integer' unless value.is_a?(Integer)

      @max_retries = value
    end
  end
end
