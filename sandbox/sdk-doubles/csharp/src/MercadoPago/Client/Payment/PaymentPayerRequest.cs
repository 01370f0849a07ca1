// MercadoPago.Client.Payment.PaymentPayerRequest of mercadopago-sdk 3.5.0 (its scalar properties).
namespace MercadoPago.Client.Payment
{
    /// <summary>"payer" in a PaymentCreateRequest.</summary>
    /// <remarks>
    /// Declared in the SDK's order, which is the order in the body. SHORTCUT: the nested Identification,
    /// Address and Phone are left out: no example sends them.
    /// </remarks>
    public class PaymentPayerRequest
    {
        /// <summary>"customer", "registered" or "guest".</summary>
        public string Type { get; set; }

        public string Id { get; set; }

        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        /// <summary>"individual" or "association" (bank transfers).</summary>
        public string EntityType { get; set; }
    }
}
