// Double of src/MercadoPago/Error/MPServerException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 500 and above.</summary>
    public class MPServerException : MercadoPagoApiException
    {
        public MPServerException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
