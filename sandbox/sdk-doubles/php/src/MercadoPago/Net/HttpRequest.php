<?php

namespace MercadoPago\Net;

/**
 * Test double of MercadoPago\Net\HttpRequest (dx-php 3.13.0, src/MercadoPago/Net/HttpRequest.php):
 * the transport seam under MPDefaultHttpClient (cURL by default; the double's tests plug a fake in).
 */
interface HttpRequest
{
    public function setOptionArray(array $value): void;

    public function execute(): bool|string;

    public function getInfo(mixed $name): mixed;

    public function close(): void;

    public function error(): string;
}
