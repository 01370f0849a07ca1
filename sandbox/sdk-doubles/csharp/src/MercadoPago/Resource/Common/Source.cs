// MercadoPago.Resource.Common.Source of mercadopago-sdk 3.5.0: who or what an action came from.
namespace MercadoPago.Resource.Common
{
    /// <summary>A refund's "source", e.g. {"id":"1234567890","name":"...","type":"collector"}.</summary>
    public class Source
    {
        /// <summary>"collector", "admin"...</summary>
        public string Type { get; set; }

        /// <summary>A string in the SDK, though it holds a user's number.</summary>
        public string Id { get; set; }

        public string Name { get; set; }
    }
}
