// MercadoPago.Client.Payment.PaymentCreateRequest of mercadopago-sdk 3.5.0 (its scalar properties, with the
// SDK's names and types). Grouped by meaning here; [WireOrder] keeps the SDK's order in the JSON body.
namespace MercadoPago.Client.Payment
{
    using System;
    using System.Collections.Generic;
    using MercadoPago.Serialization;

    /// <summary>Body of POST /v1/payments: snake_case JSON, unset (null) properties left out.</summary>
    /// <remarks>
    /// An IdempotentRequest, as in the SDK: Create sends an X-Idempotency-Key of its own unless
    /// RequestOptions.CustomHeaders already has one.
    /// The reserve of the examples is written
    /// {"payer":{...},"description":...,"transaction_amount":100.0,"capture":false,"payment_method_id":...,"token":...,"installments":1}.
    /// SHORTCUT: the SDK's nested request properties (Order, TransactionDetails, AdditionalInfo,
    /// PointOfInteraction, Taxes, Amounts, CounterCurrency, MerchantServices, PaymentMethod,
    /// PaymentForwardDataRequest, ForwardData) are left out: no example sends them. Their positions
    /// (3 and 28-35, 37-38) are skipped in the numbering below.
    /// </remarks>
    public class PaymentCreateRequest : IdempotentRequest
    {
        // What is charged.
        [WireOrder(5)]
        public string Description { get; set; }

        [WireOrder(7)]
        public decimal? TransactionAmount { get; set; }

        [WireOrder(19)]
        public int? Installments { get; set; }

        [WireOrder(8)]
        public decimal? NetAmount { get; set; }

        [WireOrder(13)]
        public decimal? ApplicationFee { get; set; }

        // How: the card and whether the funds are only reserved.
        [WireOrder(17)]
        public string Token { get; set; }

        [WireOrder(15)]
        public string PaymentMethodId { get; set; }

        [WireOrder(26)]
        public string PaymentMethodOptionId { get; set; }

        [WireOrder(16)]
        public string IssuerId { get; set; }

        /// <summary>false reserves the funds (status "authorized") until a capture or a cancel; null means true.</summary>
        [WireOrder(14)]
        public bool? Capture { get; set; }

        [WireOrder(2)]
        public bool? BinaryMode { get; set; }

        [WireOrder(36)]
        public string ThreeDSecureMode { get; set; }

        [WireOrder(22)]
        public string ProcessingMode { get; set; }

        [WireOrder(23)]
        public string MerchantAccountId { get; set; }

        // Who pays, and on whose behalf.
        [WireOrder(1)]
        public PaymentPayerRequest Payer { get; set; }

        [WireOrder(25)]
        public long? SponsorId { get; set; }

        [WireOrder(27)]
        public string Marketplace { get; set; }

        // Discounts.
        [WireOrder(9)]
        public decimal? CouponAmount { get; set; }

        [WireOrder(11)]
        public string CouponCode { get; set; }

        [WireOrder(10)]
        public int? CampaignId { get; set; }

        [WireOrder(12)]
        public int? DifferentialPricingId { get; set; }

        // The seller's own references and callbacks.
        [WireOrder(4)]
        public string ExternalReference { get; set; }

        [WireOrder(18)]
        public string StatementDescriptor { get; set; }

        /// <summary>Written as given: the dictionary's keys are not turned into snake_case.</summary>
        [WireOrder(6)]
        public IDictionary<string, object> Metadata { get; set; }

        [WireOrder(20)]
        public string NotificationUrl { get; set; }

        [WireOrder(21)]
        public string CallbackUrl { get; set; }

        [WireOrder(24)]
        public DateTime? DateOfExpiration { get; set; }
    }
}
