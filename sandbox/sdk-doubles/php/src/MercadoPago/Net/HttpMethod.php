<?php

namespace MercadoPago\Net;

/** The verbs MPRequest carries. A write (POST, PUT, PATCH) gets an X-Idempotency-Key. */
class HttpMethod
{
    public const POST = "POST";
    public const PUT = "PUT";
    public const PATCH = "PATCH";
    public const GET = "GET";
    public const DELETE = "DELETE";
}
