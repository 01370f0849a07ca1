// Double of src/MercadoPago/Error/MPDependencyException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 424.</summary>
    public class MPDependencyException : MercadoPagoApiException
    {
        public MPDependencyException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
