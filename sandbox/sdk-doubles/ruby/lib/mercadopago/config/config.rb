# frozen_string_literal: true

module Mercadopago
  # SDK-wide constants, kept as class variables exactly where the real gem keeps them
  # (lib/mercadopago/config/config.rb). The base URL is not read from the environment by the real gem,
  # so neither is it here: a test that needs another host sets
  #   Mercadopago::Config.class_variable_set(:@@API_BASE_URL, 'http://127.0.0.1:3001')
  class Config
    # Deliberate fidelity: the published 3.3.0 gem still carries '3.2.0' here (its version bump only touched
    # the gemspec), so its User-Agent and X-Tracking-Id say 3.2.0. The double sends the same strings.
    @@VERSION = '3.2.0'
    @@USER_AGENT = "MercadoPago Ruby SDK v#{@@VERSION}"
    @@PRODUCT_ID = 'bc32a7vtrpp001u8nhjg'
    @@TRACKING_ID = "platform:#{RUBY_VERSION},type:SDK#{@@VERSION},so;"
    @@API_BASE_URL = 'https://api.mercadopago.com'
    @@MIME_JSON = 'application/json'

    def version
      @@VERSION
    end

    def user_agent
      @@USER_AGENT
    end

    def product_id
      @@PRODUCT_ID
    end

    def tracking_id
      @@TRACKING_ID
    end

    def api_base_url
      @@API_BASE_URL
    end

    def mime_json
      @@MIME_JSON
    end
  end
end
