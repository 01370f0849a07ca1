// Double of src/MercadoPago/Resource/IResource.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Resource
{
    using MercadoPago.Http;

    /// <summary>A resource returned by the API; ApiResponse holds the raw HTTP answer it came from.</summary>
    public interface IResource
    {
        MercadoPagoResponse ApiResponse { get; set; }
    }
}
