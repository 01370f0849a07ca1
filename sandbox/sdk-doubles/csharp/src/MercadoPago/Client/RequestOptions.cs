// Double of src/MercadoPago/Client/RequestOptions.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client
{
    using System.Collections.Generic;
    using MercadoPago.Http;

    /// <summary>Per-call overrides: access token, retry strategy, extra headers.</summary>
    public class RequestOptions
    {
        public RequestOptions()
        {
            CustomHeaders = new Dictionary<string, string>();
        }

        /// <summary>When null or blank, MercadoPagoConfig.AccessToken is used.</summary>
        public string AccessToken { get; set; }

        /// <summary>When null, MercadoPagoConfig.RetryStrategy is used.</summary>
        public IRetryStrategy RetryStrategy { get; set; }

        /// <summary>
        /// Extra headers (e.g. X-Idempotency-Key). A header the SDK already set (same spelling)
        /// and Content-Type are not overridden.
        /// </summary>
        public IDictionary<string, string> CustomHeaders { get; private set; }
    }
}
