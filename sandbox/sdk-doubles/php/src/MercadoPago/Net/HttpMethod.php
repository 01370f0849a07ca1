<?php

namespace MercadoPago\Net;

/** Test double of MercadoPago\Net\HttpMethod (dx-php 3.13.0, src/MercadoPago/Net/HttpMethod.php). */
class HttpMethod
{
    public const GET = "GET";
    public const POST = "POST";
    public const PUT = "PUT";
    public const PATCH = "PATCH";
    public const DELETE = "DELETE";
}
