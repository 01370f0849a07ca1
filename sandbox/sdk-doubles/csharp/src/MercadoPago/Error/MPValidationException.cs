// Double of src/MercadoPago/Error/MPValidationException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 422.</summary>
    public class MPValidationException : MercadoPagoApiException
    {
        public MPValidationException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
