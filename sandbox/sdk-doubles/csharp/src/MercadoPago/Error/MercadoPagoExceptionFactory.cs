// Double of src/MercadoPago/Error/MercadoPagoExceptionFactory.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>Picks the MercadoPagoApiException subclass for an HTTP status (typed exceptions since 3.4.0).</summary>
    public static class MercadoPagoExceptionFactory
    {
        private const string ErrorMessage = "Error response from API.";

        public static MercadoPagoApiException Build(MercadoPagoResponse response)
        {
            int status = response == null ? 0 : response.StatusCode;
            switch (status)
            {
                case 400: return new MPBadRequestException(ErrorMessage, response);
                case 401: return new MPAuthenticationException(ErrorMessage, response);
                case 402: return new MPPaymentException(ErrorMessage, response);
                case 403: return new MPForbiddenException(ErrorMessage, response);
                case 404: return new MPNotFoundException(ErrorMessage, response);
                case 409: return new MPIdempotencyException(ErrorMessage, response);
                case 422: return new MPValidationException(ErrorMessage, response);
                case 423: return new MPResourceLockedException(ErrorMessage, response);
                case 424: return new MPDependencyException(ErrorMessage, response);
                case 429: return new MPRateLimitException(ErrorMessage, response, RetryAfterSeconds(response));
                default:
                    return status >= 500
                        ? new MPServerException(ErrorMessage, response)
                        : new MercadoPagoApiException(ErrorMessage, response);
            }
        }

        // Exact, case-sensitive "Retry-After" key, as in the SDK.
        private static int? RetryAfterSeconds(MercadoPagoResponse response)
        {
            string value;
            int seconds;
            if (response != null && response.Headers != null
                && response.Headers.TryGetValue("Retry-After", out value)
                && int.TryParse(value, out seconds))
            {
                return seconds;
            }

            return null;
        }
    }
}
