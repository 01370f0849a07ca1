// MercadoPago.Http.RetryResponse of mercadopago-sdk 3.5.0: an IRetryStrategy's answer.
namespace MercadoPago.Http
{
    using System;

    public class RetryResponse
    {
        /// <summary>Retry false, Delay zero.</summary>
        public RetryResponse()
            : this(false, TimeSpan.Zero)
        {
        }

        public RetryResponse(bool retry, TimeSpan delay)
        {
            Delay = delay;
            Retry = retry;
        }

        /// <summary>How long to wait before the next attempt (not used when Retry is false).</summary>
        public TimeSpan Delay { get; set; }

        public bool Retry { get; set; }
    }
}
