<?php

namespace MercadoPago\Net;

/**
 * The transport under MPDefaultHttpClient, cURL-shaped: CurlRequest by default, a fake in the
 * double's own tests. Per attempt the client calls setOptionArray, execute, getInfo
 * (CURLINFO_HTTP_CODE), error (only when execute gave false), then close.
 */
interface HttpRequest
{
    /** CURLOPT_* => value; options given earlier stay set unless overwritten. */
    public function setOptionArray(array $value): void;

    /** The response body, or false when no response came. */
    public function execute(): bool|string;

    /** Why the last execute() gave false. */
    public function error(): string;

    public function getInfo(mixed $name): mixed;

    public function close(): void;
}
