// Double of src/MercadoPago/Error/MPPaymentException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 402.</summary>
    public class MPPaymentException : MercadoPagoApiException
    {
        public MPPaymentException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
