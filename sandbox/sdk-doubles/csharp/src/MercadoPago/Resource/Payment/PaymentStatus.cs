// MercadoPago.Resource.Payment.PaymentStatus of mercadopago-sdk 3.5.0: the values of Payment.Status.
namespace MercadoPago.Resource.Payment
{
    public static class PaymentStatus
    {
        // A reserve: authorized until captured (approved) or cancelled.
        public const string Authorized = "authorized";
        public const string Approved = "approved";
        public const string Cancelled = "cancelled";

        // Not (yet) paid.
        public const string Pending = "pending";
        public const string InProcess = "in_process";
        public const string Rejected = "rejected";

        // After the money moved.
        public const string Refunded = "refunded";
        public const string InMediation = "in_mediation";
        public const string ChargedBack = "charged_back";
    }
}
