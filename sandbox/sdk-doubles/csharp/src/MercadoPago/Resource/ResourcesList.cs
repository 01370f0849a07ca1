// MercadoPago.Resource.ResourcesList<TResource> of mercadopago-sdk 3.5.0: an answer that is a bare JSON array.
namespace MercadoPago.Resource
{
    using System.Collections.Generic;
    using MercadoPago.Http;

    /// <summary>
    /// The resources of a JSON array answer (a payment's refunds), in the API's order. A List, so it is
    /// indexed, counted and enumerated directly; ApiResponse keeps the whole answer, the array as received.
    /// </summary>
    /// <remarks>The items' own ApiResponse stays null: only the list was an answer.</remarks>
    public class ResourcesList<TResource> : List<TResource>, IResource
        where TResource : IResource, new()
    {
        public MercadoPagoResponse ApiResponse { get; set; }
    }
}
