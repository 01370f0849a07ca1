// Double of src/MercadoPago/Error/MPNotFoundException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 404.</summary>
    public class MPNotFoundException : MercadoPagoApiException
    {
        public MPNotFoundException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
