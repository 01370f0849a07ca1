<?php

namespace MercadoPago\Resources;

use MercadoPago\Net\MPResource;
use MercadoPago\Resources\Common\Source;
use MercadoPago\Serialization\Mapper;

/**
 * A refund, as PaymentRefundClient's refund(), refundTotal() and get() return it. The public
 * properties have dx-php 3.13.0's names and types (nullable, no defaults); their order is ours.
 * Fields the class does not declare (metadata, external_refund_id) are dropped; getResponse()
 * gives the status and the whole body.
 *
 * Kept from 3.13.0 on purpose, because a reader's program meets them:
 * - $amount_refunded_to_payer is ?int although the API sends a decimal: 25.5 is stored as 25,
 *   with PHP's deprecation "Implicit conversion from float 25.5 to int loses precision";
 * - $map is public, so var_dump(), print_r() and json_encode() of a refund show it.
 */
class PaymentRefund extends MPResource
{
    use Mapper;

    // Which refund, of which payment
    public ?int $id;
    public ?int $payment_id;
    public ?string $unique_sequence_number;

    // How much
    public ?float $amount;
    public ?float $adjustment_amount;
    public ?int $amount_refunded_to_payer;
    public array|object|null $partition_details;

    // Its outcome
    public ?string $status;
    public ?string $refund_mode;
    public ?string $reason;
    public array|object|null $labels;

    // When, and who asked
    public ?string $date_created;
    public ?string $expiration_date;
    public array|object|null $source;
    public array|object|null $additional_data;

    public $map = ['source' => Source::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
