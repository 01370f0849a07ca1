# frozen_string_literal: true

require 'securerandom'

module Mercadopago
  # The gem's fixed values. They are class variables because that is where a program finds them in the gem,
  # e.g. `Mercadopago::Config.class_variable_set(:@@API_BASE_URL, 'http://127.0.0.1:3001')` to talk to another
  # host (the gem reads no environment variable for it). Each reader looks its variable up when called.
  class Config
    @@API_BASE_URL = 'https://api.mercadopago.com'
    @@MIME_JSON = 'application/json'
    @@PRODUCT_ID = 'bc32a7vtrpp001u8nhjg'
    # 3.2.0 in the 3.3.0 gem: its release moved only the gemspec's version, so this is what it announces.
    @@VERSION = '3.2.0'
    @@USER_AGENT = "MercadoPago Ruby SDK v#{@@VERSION}"
    @@TRACKING_ID = "platform:#{RUBY_VERSION},type:SDK#{@@VERSION},so;"

    %i[api_base_url mime_json product_id version user_agent tracking_id].each do |reader|
      variable = :"@@#{reader.upcase}"
      define_method(reader) { Config.class_variable_get(variable) }
    end
  end

  # What one call sends besides its body: token, timeout and headers. The keywords, their defaults, the
  # checked setters and their TypeError messages are the gem's.
  class RequestOptions
    DEFAULT_RETRY_ON = [429, 500, 502, 503, 504].freeze
    DEFAULT_MAX_DELAY = 30_000

    attr_reader :access_token, :connection_timeout, :corporation_id, :custom_headers, :initial_delay_ms, :integrator_id,
                :jitter, :max_delay_ms, :max_retries, :on_retry, :platform_id, :retry_on

    # Setter => [the class it insists on, whether nil passes too].
    TYPED_SETTERS = {
      connection_timeout: [Float, false],
      custom_headers: [Hash, true],
      corporation_id: [String, true],
      integrator_id: [String, true],
      platform_id: [String, true],
      max_retries: [Integer, false]
    }.freeze
    private_constant :TYPED_SETTERS

    TYPED_SETTERS.each do |name, (type, nil_passes)|
      variable = :"@#{name}"
      define_method(:"#{name}=") do |value|
        raise TypeError, "Param #{name} must be a #{type}" unless value.is_a?(type) || (nil_passes && value.nil?)

        instance_variable_set(variable, value)
      end
    end

    def initialize(access_token: nil, connection_timeout: 60.0, custom_headers: nil, corporation_id: nil,
                   integrator_id: nil, platform_id: nil, max_retries: 3, initial_delay_ms: nil,
                   max_delay_ms: DEFAULT_MAX_DELAY, jitter: false, retry_on: nil, on_retry: nil)
      # Through the setters, in this order, so the first wrong value is the one reported, as in the gem.
      { access_token:, connection_timeout:, custom_headers:, corporation_id:, integrator_id:, platform_id:,
        max_retries: }.each { |name, value| public_send(:"#{name}=", value) }
      # The retry tuning is kept as given, unchecked, as in the gem, which uses it for GETs only (with max_retries).
      { initial_delay_ms:, max_delay_ms:, jitter:, retry_on:, on_retry: }.each do |name, value|
        instance_variable_set(:"@#{name}", value)
      end
    end

    # The gem's quirk, kept: while no token is set, any value is taken; after that, only a String (so
    # setting nil again raises).
    def access_token=(value)
      raise TypeError, 'Param access_token must be a String' unless @access_token.nil? || value.is_a?(String)

      @access_token = value
    end

    # The headers of one call, in the gem's order (two of the names are Symbols there, and here). Every call
    # makes a new idempotency key. A custom header takes the place of a generated one whose name matches in
    # any letter case, and goes after the generated ones.
    def get_headers # rubocop:disable Naming/AccessorMethodName -- the gem's name
      config = Config.new
      generated = {
        Authorization: "Bearer #{@access_token}",
        'x-product-id' => config.product_id,
        'x-tracking-id' => config.tracking_id,
        'x-idempotency-key' => SecureRandom.uuid,
        'User-Agent' => config.user_agent,
        Accept: config.mime_json,
        'x-corporation-id' => @corporation_id,
        'x-integrator-id' => @integrator_id,
        'x-platform-id' => @platform_id
      }.compact
      custom = @custom_headers || {}
      generated.reject { |name, _| custom.each_key.any? { |given| given.to_s.casecmp?(name.to_s) } }.merge(custom)
    end
  end
end
