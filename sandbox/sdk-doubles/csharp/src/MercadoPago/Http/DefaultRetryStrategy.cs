// Double of src/MercadoPago/Http/DefaultRetryStrategy.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;
    using System.Net.Http;

    /// <summary>
    /// Retries a request that is not a POST (or is a POST with a non-blank X-Idempotency-Key) at most
    /// MaxNumberRetries times, on a transport error or on a 409, 429 or 5xx answer, waiting
    /// 500 ms * 2^n (at most 5 s) before retry n+1. Retry-After is not read. Every retry resends the
    /// same headers, hence the same X-Idempotency-Key.
    /// </summary>
    public class DefaultRetryStrategy : IRetryStrategy
    {
        public DefaultRetryStrategy(int maxNumberRetries)
        {
            MaxNumberRetries = maxNumberRetries;
        }

        public static TimeSpan MinDelay
        {
            get { return TimeSpan.FromMilliseconds(500); }
        }

        public static TimeSpan MaxDelay
        {
            get { return TimeSpan.FromSeconds(5); }
        }

        public int MaxNumberRetries { get; private set; }

        public RetryResponse ShouldRetry(
            HttpRequestMessage httpRequest,
            HttpResponseMessage httpResponse,
            bool hadRetryableError,
            int numberRetries)
        {
            bool retry = CanRetry(httpRequest)
                && numberRetries < MaxNumberRetries
                && (hadRetryableError || IsRetryableStatus(httpResponse));
            return new RetryResponse(retry, retry ? Backoff(numberRetries) : TimeSpan.Zero);
        }

        private static bool CanRetry(HttpRequestMessage httpRequest)
        {
            if (httpRequest == null)
            {
                return false;
            }

            if (httpRequest.Method != System.Net.Http.HttpMethod.Post)
            {
                return true;
            }

            IEnumerable<string> values;
            return httpRequest.Headers.TryGetValues(Headers.IDEMPOTENCY_KEY, out values)
                && !string.IsNullOrWhiteSpace(string.Join(string.Empty, values));
        }

        private static bool IsRetryableStatus(HttpResponseMessage httpResponse)
        {
            if (httpResponse == null)
            {
                return false;
            }

            int status = (int)httpResponse.StatusCode;
            return status == 409 || status == 429 || status >= 500;
        }

        private static TimeSpan Backoff(int numberRetries)
        {
            var delay = TimeSpan.FromTicks((long)(MinDelay.Ticks * Math.Pow(2, numberRetries)));
            return delay > MaxDelay ? MaxDelay : delay;
        }
    }
}
