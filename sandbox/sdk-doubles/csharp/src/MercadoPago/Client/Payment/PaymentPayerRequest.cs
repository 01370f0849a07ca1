// Double of src/MercadoPago/Client/Payment/PaymentPayerRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client.Payment
{
    /// <summary>The payer of a PaymentCreateRequest ("payer" in the body).</summary>
    /// <remarks>
    /// SHORTCUT: only the scalar properties are kept, in the SDK's declaration order (which is the
    /// order Newtonsoft writes them in). Identification, Address and Phone (nested request types)
    /// are left out: no example sends them.
    /// </remarks>
    public class PaymentPayerRequest
    {
        /// <summary>"customer", "registered" or "guest".</summary>
        public string Type { get; set; }

        public string Id { get; set; }

        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        /// <summary>"individual" or "association" (bank transfers only).</summary>
        public string EntityType { get; set; }
    }
}
