// MercadoPago.Http.MercadoPagoResponse of mercadopago-sdk 3.5.0 (a resource's ApiResponse).
namespace MercadoPago.Http
{
    using System.Collections.Generic;

    /// <summary>One HTTP answer, kept as received.</summary>
    public class MercadoPagoResponse
    {
        public MercadoPagoResponse(int statusCode, IDictionary<string, string> headers, string content)
        {
            Content = content;
            Headers = headers;
            StatusCode = statusCode;
        }

        /// <summary>The body text, unparsed.</summary>
        public string Content { get; private set; }

        /// <summary>The response headers (not the content headers such as Content-Type), several values joined by ",".</summary>
        public IDictionary<string, string> Headers { get; private set; }

        public int StatusCode { get; private set; }
    }
}
