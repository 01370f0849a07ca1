// Double of src/MercadoPago/Http/MercadoPagoResponse.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System.Collections.Generic;

    /// <summary>The raw HTTP answer: status code, response headers, body text.</summary>
    public class MercadoPagoResponse
    {
        public MercadoPagoResponse(int statusCode, IDictionary<string, string> headers, string content)
        {
            StatusCode = statusCode;
            Headers = headers;
            Content = content;
        }

        public int StatusCode { get; private set; }

        /// <summary>Response headers (not content headers such as Content-Type), multi-values joined with ",".</summary>
        public IDictionary<string, string> Headers { get; private set; }

        /// <summary>The body exactly as received.</summary>
        public string Content { get; private set; }
    }
}
