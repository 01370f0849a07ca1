// MercadoPago.Http.DefaultRetryStrategy of mercadopago-sdk 3.5.0 (MercadoPagoConfig uses DefaultRetryStrategy(2)).
// Public members as in the SDK; the decision below is written from its documented behaviour.
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using System.Net.Http;

    /// <summary>
    /// Retries at most MaxNumberRetries times. Only requests that are safe to resend qualify: any method
    /// but POST, and a POST that carries a non-blank X-Idempotency-Key (so every Create). A retry happens
    /// on a transient transport error or on a 409, 429 or 5xx answer. Wait before retry n (from 0):
    /// MinDelay * 2^n, at most MaxDelay, so 500 ms then 1 s with two retries. Retry-After is not read.
    /// </summary>
    public class DefaultRetryStrategy : IRetryStrategy
    {
        /// <summary>maxNumberRetries: retries after the first attempt (MercadoPagoConfig's default: 2).</summary>
        public DefaultRetryStrategy(int maxNumberRetries)
        {
            MaxNumberRetries = maxNumberRetries;
        }

        public static TimeSpan MaxDelay
        {
            get { return TimeSpan.FromSeconds(5); }
        }

        public static TimeSpan MinDelay
        {
            get { return TimeSpan.FromMilliseconds(500); }
        }

        public int MaxNumberRetries { get; private set; }

        public RetryResponse ShouldRetry(HttpRequestMessage httpRequest, HttpResponseMessage httpResponse, bool hadRetryableError, int numberRetries)
        {
            bool budgetLeft = numberRetries < MaxNumberRetries;
            bool failedTransiently = hadRetryableError || (httpResponse != null && IsTransient((int)httpResponse.StatusCode));
            if (budgetLeft && failedTransiently && SafeToResend(httpRequest))
            {
                return new RetryResponse(true, WaitBefore(numberRetries));
            }

            return new RetryResponse(false, TimeSpan.Zero);
        }

        // 409 Conflict, 429 Too Many Requests, and every server error.
        private static bool IsTransient(int status)
        {
            return status >= 500 || status == 409 || status == 429;
        }

        private static bool SafeToResend(HttpRequestMessage httpRequest)
        {
            IEnumerable<string> keys;
            return httpRequest != null
                && (httpRequest.Method != System.Net.Http.HttpMethod.Post
                    || (httpRequest.Headers.TryGetValues(Headers.IDEMPOTENCY_KEY, out keys) && keys.Any(key => !string.IsNullOrWhiteSpace(key))));
        }

        private static TimeSpan WaitBefore(int retry)
        {
            double ticks = MinDelay.Ticks * Math.Pow(2, retry);
            return ticks < MaxDelay.Ticks ? TimeSpan.FromTicks((long)ticks) : MaxDelay;
        }
    }
}
