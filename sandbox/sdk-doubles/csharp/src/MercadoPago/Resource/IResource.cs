// MercadoPago.Resource.IResource of mercadopago-sdk 3.5.0: what every resource has.
namespace MercadoPago.Resource
{
    using MercadoPago.Http;

    /// <summary>A resource returned by the API; ApiResponse holds the raw HTTP answer it came from.</summary>
    public interface IResource
    {
        MercadoPagoResponse ApiResponse { get; set; }
    }
}
