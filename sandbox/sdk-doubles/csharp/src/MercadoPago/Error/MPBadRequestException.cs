// Double of src/MercadoPago/Error/MPBadRequestException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 400.</summary>
    public class MPBadRequestException : MercadoPagoApiException
    {
        public MPBadRequestException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
