<?php

namespace MercadoPago\Net;

/**
 * An HTTP answer: the status and the JSON body decoded to an array (json_decode($body, true)).
 * getContent() is typed array, as in dx-php, so it throws a TypeError when the body was empty or
 * not JSON. Response headers are not kept.
 */
class MPResponse
{
    private int $status_code;

    private ?array $content;

    public function __construct(int $status_code, ?array $content)
    {
        [$this->status_code, $this->content] = [$status_code, $content];
    }

    public function getContent(): array
    {
        return $this->content;
    }

    public function getStatusCode(): int
    {
        return $this->status_code;
    }
}
