// MercadoPago.Client.RequestOptions of mercadopago-sdk 3.5.0: per-call settings.
namespace MercadoPago.Client
{
    using System.Collections.Generic;
    using MercadoPago.Http;

    public class RequestOptions
    {
        /// <summary>
        /// Extra headers, e.g. an X-Idempotency-Key for a capture or a cancel. One the SDK already set
        /// (same spelling) and Content-Type are not taken.
        /// </summary>
        public IDictionary<string, string> CustomHeaders { get; } = new Dictionary<string, string>();

        /// <summary>Null or blank: MercadoPagoConfig.AccessToken.</summary>
        public string AccessToken { get; set; }

        /// <summary>Null: MercadoPagoConfig.RetryStrategy.</summary>
        public IRetryStrategy RetryStrategy { get; set; }
    }
}
