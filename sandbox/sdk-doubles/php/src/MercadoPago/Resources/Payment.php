<?php

namespace MercadoPago\Resources;

use MercadoPago\Net\MPResource;
use MercadoPago\Resources\Payment\AdditionalInfo;
use MercadoPago\Resources\Payment\Card;
use MercadoPago\Resources\Payment\Expanded;
use MercadoPago\Resources\Payment\FeeDetails;
use MercadoPago\Resources\Payment\ForwardData;
use MercadoPago\Resources\Payment\Metadata;
use MercadoPago\Resources\Payment\Order;
use MercadoPago\Resources\Payment\Payer;
use MercadoPago\Resources\Payment\PaymentMethod;
use MercadoPago\Resources\Payment\PointOfInteraction;
use MercadoPago\Resources\Payment\ThreeDSInfo;
use MercadoPago\Resources\Payment\TransactionDetails;
use MercadoPago\Serialization\Mapper;

/**
 * A payment as the API returns it. The public properties have dx-php 3.13.0's names and types,
 * nullable and without defaults, so hydration coerces and fails as it does there; their order
 * here is ours (grouped by meaning). getResponse() gives the HTTP status and the whole body.
 *
 * Left out: of the classes named in $map only Payer, Card, TransactionDetails, FeeDetails and
 * Metadata exist in the double (with Cardholder, Common\Identification and Common\Phone). For the
 * others class_exists() is false, so those fields stay arrays where dx-php builds objects.
 */
class Payment extends MPResource
{
    use Mapper;

    // Outcome
    public ?string $authorization_code;
    public ?bool $captured;
    public ?string $status;
    public ?string $status_detail;

    // Amounts
    public ?float $application_fee;
    public ?array $charges_details;
    public ?float $coupon_amount;
    public ?string $currency_id;
    public ?array $fee_details;
    public ?int $installments;
    public ?float $net_amount;
    public ?float $shipping_amount;
    public ?array $taxes;
    public ?int $taxes_amount;
    public ?float $transaction_amount;
    public ?float $transaction_amount_refunded;
    public array|object|null $transaction_details;
    public ?array $refunds;

    // Dates and the release of the money
    public ?string $date_approved;
    public ?string $date_created;
    public ?string $date_last_updated;
    public ?string $date_of_expiration;
    public ?string $money_release_date;
    public ?string $money_release_schema;
    public ?string $money_release_status;
    public ?string $release_info;

    // Who pays, and with what
    public array|object|null $card;
    public ?string $issuer_id;
    public array|object|null $payer;
    public array|object|null $payment_method;
    public ?string $payment_method_id;
    public ?string $payment_type_id;
    public array|object|null $three_ds_info;
    public ?string $token;

    // Who sells, and through what
    public ?int $collector_id;
    public ?string $corporation_id;
    public ?string $integrator_id;
    public ?string $marketplace_owner;
    public ?string $merchant_account_id;
    public ?string $merchant_number;
    public ?string $platform_id;
    public ?string $pos_id;
    public ?string $site_id;
    public ?int $sponsor_id;
    public ?string $store_id;

    // The merchant's own data
    public array|object|null $additional_info;
    public ?string $callback_url;
    public ?string $coupon_code;
    public ?string $description;
    public ?string $external_reference;
    public array|object|null $metadata;
    public ?string $notification_url;
    public ?string $statement_descriptor;

    // How it was processed
    public ?array $acquirer_reconciliation;
    public ?bool $binary_mode;
    public ?string $call_for_authorize_id;
    public ?string $counter_currency;
    public ?string $deduction_schema;
    public ?string $differential_pricing_id;
    public ?string $financing_group;
    public ?bool $live_mode;
    public ?string $operation_type;
    public ?string $processing_mode;

    // Everything else
    public ?int $id;
    public array|object|null $accounts_info;
    public ?string $brand_id;
    public ?string $build_version;
    public array|object|null $expanded;
    public array|object|null $forward_data;
    public array|object|null $order;
    public array|object|null $point_of_interaction;
    public array|object|null $tags;

    private $map = [
        'additional_info' => AdditionalInfo::class,
        'card' => Card::class,
        'expanded' => Expanded::class,
        'fee_details' => FeeDetails::class,
        'forward_data' => ForwardData::class,
        'metadata' => Metadata::class,
        'order' => Order::class,
        'payer' => Payer::class,
        'payment_method' => PaymentMethod::class,
        'point_of_interaction' => PointOfInteraction::class,
        'three_ds_info' => ThreeDSInfo::class,
        'transaction_details' => TransactionDetails::class,
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
