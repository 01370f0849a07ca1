// Double of src/MercadoPago/Error/MPAuthenticationException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 401.</summary>
    public class MPAuthenticationException : MercadoPagoApiException
    {
        public MPAuthenticationException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
