// MercadoPago.Serialization.ISerializer of mercadopago-sdk 3.5.0 (MercadoPagoConfig.Serializer).
namespace MercadoPago.Serialization
{
    /// <summary>JSON (de)serialization used by the clients.</summary>
    /// <remarks>
    /// SHORTCUT: the real interface also has Task&lt;string&gt; SerializeToQueryStringAsync(object), used
    /// only by GET searches; the double has no search, so it is left out.
    /// </remarks>
    public interface ISerializer
    {
        TResponse DeserializeFromJson<TResponse>(string json) where TResponse : new();

        string SerializeToJson(object request);
    }
}
