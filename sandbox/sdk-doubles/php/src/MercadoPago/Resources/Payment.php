<?php

namespace MercadoPago\Resources;

use MercadoPago\Net\MPResource;
use MercadoPago\Serialization\Mapper;

/**
 * Test double of MercadoPago\Resources\Payment (dx-php 3.13.0, src/MercadoPago/Resources/Payment.php).
 * Same public typed properties (names, types, no defaults) as the real class, so hydration
 * coerces and fails the same way. Use getResponse() for the HTTP status and the raw body.
 *
 * Shortcut: of the nested classes in the map, only Payer, Card (+ Cardholder, Common\Identification,
 * Common\Phone), TransactionDetails, FeeDetails and Metadata exist in the double (the parts of a
 * card reserve). For the others (ForwardData, AdditionalInfo, PointOfInteraction, PaymentMethod,
 * ThreeDSInfo, Order, Expanded, TransactionDetails' Barcode) class_exists() is false, so those
 * fields stay plain arrays where the real SDK would build objects.
 */
class Payment extends MPResource
{
    use Mapper;

    public ?int $id;
    public ?array $acquirer_reconciliation;
    public ?string $site_id;
    public ?int $sponsor_id;
    public ?string $operation_type;
    public array|object|null $order;
    public ?string $brand_id;
    public ?string $build_version;
    public ?bool $binary_mode;
    public ?string $external_reference;
    public ?string $financing_group;
    public ?string $status;
    public ?string $status_detail;
    public ?string $store_id;
    public ?int $taxes_amount;
    public ?string $date_created;
    public ?bool $live_mode;
    public ?string $date_last_updated;
    public ?string $date_of_expiration;
    public ?string $deduction_schema;
    public ?string $date_approved;
    public ?string $money_release_date;
    public ?string $money_release_schema;
    public ?string $money_release_status;
    public ?string $currency_id;
    public ?float $transaction_amount;
    public ?float $transaction_amount_refunded;
    public array|object|null $payer;
    public array|object|null $forward_data;
    public ?int $collector_id;
    public ?string $counter_currency;
    public ?string $payment_method_id;
    public array|object|null $payment_method;
    public ?string $payment_type_id;
    public ?string $pos_id;
    public array|object|null $transaction_details;
    public ?array $fee_details;
    public ?string $differential_pricing_id;
    public ?float $application_fee;
    public ?string $authorization_code;
    public ?bool $captured;
    public array|object|null $card;
    public ?string $call_for_authorize_id;
    public ?string $statement_descriptor;
    public ?float $shipping_amount;
    public array|object|null $additional_info;
    public ?float $coupon_amount;
    public ?int $installments;
    public ?string $token;
    public ?string $description;
    public ?string $notification_url;
    public ?string $issuer_id;
    public ?string $processing_mode;
    public ?string $merchant_account_id;
    public ?string $merchant_number;
    public array|object|null $metadata;
    public ?string $callback_url;
    public ?string $coupon_code;
    public ?string $release_info;
    public ?string $marketplace_owner;
    public ?string $integrator_id;
    public ?string $corporation_id;
    public ?string $platform_id;
    public ?array $charges_details;
    public ?array $taxes;
    public ?float $net_amount;
    public array|object|null $point_of_interaction;
    public array|object|null $accounts_info;
    public array|object|null $tags;
    public ?array $refunds;
    public array|object|null $three_ds_info;
    public array|object|null $expanded;

    private $map = [
        "forward_data" => "MercadoPago\Resources\Payment\ForwardData",
        "payer" => "MercadoPago\Resources\Payment\Payer",
        "fee_details" => "MercadoPago\Resources\Payment\FeeDetails",
        "additional_info" => "MercadoPago\Resources\Payment\AdditionalInfo",
        "transaction_details" => "MercadoPago\Resources\Payment\TransactionDetails",
        "card" => "MercadoPago\Resources\Payment\Card",
        "point_of_interaction" => "MercadoPago\Resources\Payment\PointOfInteraction",
        "payment_method" => "MercadoPago\Resources\Payment\PaymentMethod",
        "metadata" => "MercadoPago\Resources\Payment\Metadata",
        "three_ds_info" => "MercadoPago\Resources\Payment\ThreeDSInfo",
        "order" => "MercadoPago\Resources\Payment\Order",
        "expanded" => "MercadoPago\Resources\Payment\Expanded",
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
