// Double of src/MercadoPago/Client/Payment/PaymentCreateRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client.Payment
{
    using System;
    using System.Collections.Generic;

    /// <summary>Body of POST /v1/payments. Unset (null) properties are left out of the JSON.</summary>
    /// <remarks>
    /// Derives from IdempotentRequest, as the real one does: PaymentClient.Create sends an
    /// X-Idempotency-Key of its own unless RequestOptions.CustomHeaders already has one.
    /// The properties keep the SDK's declaration order, which is the order Newtonsoft writes them in
    /// (payer, ..., description, ..., transaction_amount, ..., capture, payment_method_id, ..., token, ...,
    /// installments, ...).
    /// SHORTCUT: the properties of nested request types (Order, TransactionDetails, AdditionalInfo,
    /// PointOfInteraction, Taxes, Amounts, CounterCurrency, MerchantServices, PaymentMethod,
    /// PaymentForwardDataRequest, ForwardData) are left out: no example sends them.
    /// </remarks>
    public class PaymentCreateRequest : IdempotentRequest
    {
        public PaymentPayerRequest Payer { get; set; }

        public bool? BinaryMode { get; set; }

        public string ExternalReference { get; set; }

        public string Description { get; set; }

        /// <summary>Written as given: dictionary keys are not turned into snake_case.</summary>
        public IDictionary<string, object> Metadata { get; set; }

        public decimal? TransactionAmount { get; set; }

        public decimal? NetAmount { get; set; }

        public decimal? CouponAmount { get; set; }

        public int? CampaignId { get; set; }

        public string CouponCode { get; set; }

        public int? DifferentialPricingId { get; set; }

        public decimal? ApplicationFee { get; set; }

        /// <summary>false reserves the funds (status "authorized") until a capture or a cancel; null means true.</summary>
        public bool? Capture { get; set; }

        public string PaymentMethodId { get; set; }

        public string IssuerId { get; set; }

        /// <summary>The card token.</summary>
        public string Token { get; set; }

        public string StatementDescriptor { get; set; }

        public int? Installments { get; set; }

        public string NotificationUrl { get; set; }

        public string CallbackUrl { get; set; }

        public string ProcessingMode { get; set; }

        public string MerchantAccountId { get; set; }

        public DateTime? DateOfExpiration { get; set; }

        public long? SponsorId { get; set; }

        public string PaymentMethodOptionId { get; set; }

        public string Marketplace { get; set; }

        public string ThreeDSecureMode { get; set; }
    }
}
