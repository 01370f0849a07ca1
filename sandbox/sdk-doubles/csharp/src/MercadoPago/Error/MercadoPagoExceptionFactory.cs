// MercadoPago.Error.MercadoPagoExceptionFactory of mercadopago-sdk 3.5.0: same Build, the double's own table.
namespace MercadoPago.Error
{
    using System;
    using System.Collections.Generic;
    using MercadoPago.Http;

    public static class MercadoPagoExceptionFactory
    {
        private const string ErrorMessage = "Error response from API.";

        private static readonly Dictionary<int, Func<MercadoPagoResponse, MercadoPagoApiException>> ByStatus =
            new Dictionary<int, Func<MercadoPagoResponse, MercadoPagoApiException>>
            {
                { 400, answer => new MPBadRequestException(ErrorMessage, answer) },
                { 401, answer => new MPAuthenticationException(ErrorMessage, answer) },
                { 402, answer => new MPPaymentException(ErrorMessage, answer) },
                { 403, answer => new MPForbiddenException(ErrorMessage, answer) },
                { 404, answer => new MPNotFoundException(ErrorMessage, answer) },
                { 409, answer => new MPIdempotencyException(ErrorMessage, answer) },
                { 422, answer => new MPValidationException(ErrorMessage, answer) },
                { 423, answer => new MPResourceLockedException(ErrorMessage, answer) },
                { 424, answer => new MPDependencyException(ErrorMessage, answer) },
                { 429, answer => new MPRateLimitException(ErrorMessage, answer, RetryAfterSeconds(answer)) },
            };

        /// <summary>
        /// The exception for an error answer, message "Error response from API.": the subclass of its
        /// status, MPServerException from 500 up, else a plain MercadoPagoApiException (e.g. 405, 410).
        /// </summary>
        public static MercadoPagoApiException Build(MercadoPagoResponse response)
        {
            int status = response != null ? response.StatusCode : 0;
            Func<MercadoPagoResponse, MercadoPagoApiException> make;
            if (ByStatus.TryGetValue(status, out make))
            {
                return make(response);
            }

            return status < 500 ? new MercadoPagoApiException(ErrorMessage, response) : new MPServerException(ErrorMessage, response);
        }

        // The header under exactly the key "Retry-After" (the response's headers are a case-sensitive
        // dictionary), as a whole number of seconds; a date or anything else gives null.
        private static int? RetryAfterSeconds(MercadoPagoResponse response)
        {
            string text;
            int seconds = 0;
            bool found = response.Headers != null
                && response.Headers.TryGetValue("Retry-After", out text)
                && int.TryParse(text, out seconds);
            return found ? seconds : (int?)null;
        }
    }
}
