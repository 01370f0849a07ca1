# frozen_string_literal: true

# ---------------------------------------------------------------------------------------------------------
# STAND-IN FOR FARADAY'S ERROR CLASSES ONLY. This is not Faraday, and no other part of Faraday is here.
#
# The gem sends its requests through Faraday 2 (faraday 2.14.3 with faraday-net_http 3.4 in its
# Gemfile.lock), so a failed connection reaches the program as a Faraday error, and a program written for
# the gem says `rescue Faraday::Error` (or one of its subclasses). Faraday cannot be installed here, so the
# double defines the four classes its transport raises, in Faraday 2's hierarchy:
#
#   StandardError
#   └── Faraday::Error                 #wrapped_exception, #response
#       ├── Faraday::ConnectionFailed  refused, reset, unknown host, connect timeout (Net::OpenTimeout)
#       ├── Faraday::SSLError          TLS handshake or certificate failure
#       └── Faraday::ServerError
#           └── Faraday::TimeoutError  read or write timeout (its message is 'timeout' when none is given)
#
# As in Faraday, an error made from another exception keeps that exception (#wrapped_exception, and its
# backtrace) and takes its message unchanged. Which low-level exception becomes which class is decided in
# transport.rb. If the real Faraday is already loaded, its classes are used and nothing here is defined.
# ---------------------------------------------------------------------------------------------------------
module Faraday
  unless const_defined?(:Error, false)
    class Error < StandardError
      attr_reader :response, :wrapped_exception

      def initialize(exc = nil, response = nil)
        @response = response
        @wrapped_exception = exc.is_a?(Exception) ? exc : nil
        super(@wrapped_exception ? @wrapped_exception.message : exc.to_s)
      end

      def backtrace
        @wrapped_exception&.backtrace || super
      end

      def inspect
        details = { wrapped: @wrapped_exception, response: @response }.compact
        return "#<#{self.class} #{super}>" if details.empty?

        "#<#{self.class}#{details.map { |name, value| " #{name}=#{value.inspect}" }.join}>"
      end

      # Transport failures carry no response: these are nil for every error this double raises.
      def response_status
        @response && @response[:status]
      end

      def response_headers
        @response && @response[:headers]
      end

      def response_body
        @response && @response[:body]
      end
    end

    class ConnectionFailed < Error; end

    class SSLError < Error; end

    class ServerError < Error; end

    class TimeoutError < ServerError
      def initialize(exc = 'timeout', response = nil)
        super
      end
    end
  end
end
