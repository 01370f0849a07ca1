// The MercadoPagoApiException subclasses of mercadopago-sdk 3.5.0 (one per HTTP status, since 3.4.0), with
// the SDK's names and constructors, gathered in one file. MercadoPagoExceptionFactory picks among them.
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>400.</summary>
    public class MPBadRequestException : MercadoPagoApiException
    {
        public MPBadRequestException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>401.</summary>
    public class MPAuthenticationException : MercadoPagoApiException
    {
        public MPAuthenticationException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>402.</summary>
    public class MPPaymentException : MercadoPagoApiException
    {
        public MPPaymentException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>403.</summary>
    public class MPForbiddenException : MercadoPagoApiException
    {
        public MPForbiddenException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>404.</summary>
    public class MPNotFoundException : MercadoPagoApiException
    {
        public MPNotFoundException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>409.</summary>
    public class MPIdempotencyException : MercadoPagoApiException
    {
        public MPIdempotencyException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>422.</summary>
    public class MPValidationException : MercadoPagoApiException
    {
        public MPValidationException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>423.</summary>
    public class MPResourceLockedException : MercadoPagoApiException
    {
        public MPResourceLockedException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>424.</summary>
    public class MPDependencyException : MercadoPagoApiException
    {
        public MPDependencyException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }

    /// <summary>429. RetryAfter: the answer's Retry-After header in seconds, when it is a whole number.</summary>
    public class MPRateLimitException : MercadoPagoApiException
    {
        public MPRateLimitException(string message, MercadoPagoResponse response, int? retryAfter = null)
            : base(message, response)
        {
            RetryAfter = retryAfter;
        }

        public int? RetryAfter { get; private set; }
    }

    /// <summary>500 and above.</summary>
    public class MPServerException : MercadoPagoApiException
    {
        public MPServerException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
