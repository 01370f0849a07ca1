// Double of src/MercadoPago/Error/MPForbiddenException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 403.</summary>
    public class MPForbiddenException : MercadoPagoApiException
    {
        public MPForbiddenException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
