// MercadoPago.Resource.Payment.PaymentRefund of mercadopago-sdk 3.5.0: all of its properties (names and types
// as in the SDK), grouped by meaning. Their order does not matter: the JSON is matched by name.
namespace MercadoPago.Resource.Payment
{
    using System;
    using MercadoPago.Http;
    using MercadoPago.Resource.Common;

    /// <summary>A refund of a payment, as POST and GET /v1/payments/{id}/refunds[/{refund_id}] answer it.</summary>
    /// <remarks>
    /// Not a shortcut of the double: the SDK's class has no property for "adjustment_amount", "reason",
    /// "amount_refunded_to_payer", "metadata", "labels", "partition_details", "external_refund_id",
    /// "expiration_date" or "additional_data", so the SDK drops them when it reads a refund. They are
    /// still in ApiResponse.Content.
    /// </remarks>
    public class PaymentRefund : IResource
    {
        public long? Id { get; set; }

        /// <summary>The refunded payment's id.</summary>
        public long? PaymentId { get; set; }

        // What was refunded, and how.
        public decimal? Amount { get; set; }

        /// <summary>"approved" once the money went back.</summary>
        public string Status { get; set; }

        /// <summary>"standard".</summary>
        public string RefundMode { get; set; }

        public Source Source { get; set; }

        // When, and the API's own reference.
        public DateTime? DateCreated { get; set; }

        public string UniqueSequenceNumber { get; set; }

        /// <summary>The HTTP answer (status code, headers, raw body) the refund was read from.</summary>
        public MercadoPagoResponse ApiResponse { get; set; }
    }
}
