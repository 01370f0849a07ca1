// Tests of the C# SDK double (sandbox/sdk-doubles/csharp): a plain console program, no test framework.
// Prints one line per test, then "N passed, N failed"; exits 1 when a test failed.
//
// Offline tests use fake transports. Live tests need the sandbox (run under scripts/try-in-sandbox.ts)
// and these variables: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (an authorized reserve of 100),
// CAPTURED_PAYMENT_ID (an approved payment), MISSING_PAYMENT_ID (no such payment), CARD_TOKEN (an
// approving test card's token), DECLINED_CARD_TOKEN (a declining one's), CAPTURE_AMOUNT ("75").
// The live tests send, in this order (the wire side is asserted by the lead's vitest suite):
//   1. PUT  /v1/payments/{PAYMENT_ID}          cancel, X-Idempotency-Key K1              -> 200 cancelled
//   2. PUT  /v1/payments/{PAYMENT_ID}          cancel, X-Idempotency-Key K2              -> 400 cause 2018
//   3. PUT  /v1/payments/{CAPTURED_PAYMENT_ID} cancel, X-Idempotency-Key K3              -> 400 cause 2018
//   4. PUT  /v1/payments/{MISSING_PAYMENT_ID}  cancel, no RequestOptions (no key)        -> 404 cause 2000
//   5. PUT  /v1/payments/{MISSING_PAYMENT_ID}  cancel, no access token ("Bearer")        -> 401
//   6. POST /v1/payments  reserve of 100 with CARD_TOKEN, capture false, key K6          -> 201 authorized (R1)
//   7. POST /v1/payments  the same request with the same key K6                          -> 201, R1 again (replay)
//   8. POST /v1/payments  DECLINED_CARD_TOKEN, no RequestOptions (the SDK's own key)     -> 201 rejected
//   9. POST /v1/card_tokens  (plain HttpClient: the double has no CardTokenClient)       -> 201 a new APRO token
//  10. POST /v1/payments  reserve of 100 with that token, CreateAsync, key K10           -> 201 authorized (R2)
//  11. PUT  /v1/payments/{R1}  {"capture":true}, key K11                                  -> 200 approved, 100
//  12. PUT  /v1/payments/{R1}  {"capture":true}, key K12                                  -> 400 cause 2018
//  13. PUT  /v1/payments/{R2}  {"capture":true,"transaction_amount":150.0}, key K13       -> 400 cause 2017
//  14. PUT  /v1/payments/{R2}  {"capture":true,"transaction_amount":75.0}, CaptureAsync, key K14 -> 200 approved, 75
//  15. PUT  /v1/payments/{PAYMENT_ID} {"capture":true}, key K15 (cancelled in 1)          -> 400 cause 2018
//  16. PUT  /v1/payments/{MISSING_PAYMENT_ID} {"capture":true}, no RequestOptions (no key) -> 404 cause 2000
//  17. POST /v1/payments/{R1}/refunds  {"amount":25.5}, no RequestOptions (the SDK's own key) -> 201 refund F1
//  18. POST /v1/payments/{R1}/refunds  {"amount":30.0}, RefundAsync, key K18                -> 201 refund F2
//  19. POST /v1/payments/{R1}/refunds  the same with the same key K18                        -> 201, F2 again (replay)
//  20. GET  /v1/payments/{R1}/refunds  (no key)                                              -> 200 [F1, F2]
//  21. GET  /v1/payments/{R1}/refunds/{F1}  (no key)                                         -> 200 F1
//  22. GET  /v1/payments/{R1}/refunds/{F1 + 1000000}  GetAsync                               -> 404 cause 2032
//  23. POST /v1/payments/{R1}/refunds  {}, PaymentClient.Refund, no RequestOptions (own key) -> 201 the 44.5 left
//  24. POST /v1/payments/{R1}/refunds  {}, key K24                                           -> 400 cause 2063
//  25. POST /v1/payments/{R2}/refunds  {"amount":100.0}, key K25 (75 captured)               -> 400 cause 2017
//  26. POST /v1/payments/{MISSING_PAYMENT_ID}/refunds  {"amount":10.0}, key K26             -> 404 cause 2000
//  27. GET  /v1/payments/{CAPTURED_PAYMENT_ID}/refunds  PaymentClient.ListRefundsAsync        -> 200 []
//  28. GET  /v1/payments/{MISSING_PAYMENT_ID}/refunds                                        -> 404 cause 2000
// None of them is retried (400/401/404 are not retryable).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Http;
using MercadoPago.Resource;
using MercadoPago.Resource.Payment;
using MercadoPago.Serialization;

public static class DoubleTests
{
    private static int passed;
    private static int failed;

    private const string PaymentJson =
        "{\"id\":123,\"date_created\":\"2026-11-26T10:15:00.000-04:00\",\"date_approved\":null,"
        + "\"status\":\"cancelled\",\"status_detail\":\"by_collector\",\"captured\":false,"
        + "\"transaction_amount\":100.5,\"installments\":1,\"live_mode\":false,\"collector_id\":1234567890,"
        + "\"payer\":{\"email\":\"a@b.c\"},\"fee_details\":[],\"metadata\":{}}";

    /// <summary>A refund as the sandbox writes it: the SDK's PaymentRefund keeps only some of these fields.</summary>
    private const string RefundJson =
        "{\"id\":3269585727,\"payment_id\":1234567890,\"amount\":25.5,\"metadata\":{},"
        + "\"source\":{\"id\":\"1234567890\",\"name\":\"Sandbox collector\",\"type\":\"collector\"},"
        + "\"date_created\":\"2026-11-26T10:01:00.000-04:00\",\"unique_sequence_number\":null,\"refund_mode\":\"standard\","
        + "\"adjustment_amount\":0,\"status\":\"approved\",\"reason\":null,\"labels\":[],\"amount_refunded_to_payer\":25.5,"
        + "\"partition_details\":[],\"external_refund_id\":null,\"expiration_date\":null,\"additional_data\":null}";

    private const string Error2018Json =
        "{\"message\":\"The action requested is not valid for the current payment state\",\"error\":\"bad_request\","
        + "\"status\":400,\"cause\":[{\"code\":2018,\"description\":\"The action requested is not valid for the current payment state\","
        + "\"data\":\"26-11-2026T10:15:00UTC;x\"}]}";

    public static int Main()
    {
        Offline();
        OfflineRefunds();
        Live();
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- offline

    private static void Offline()
    {
        Test("config: BaseUrl, Version, ProductId, TrackingId", () =>
        {
            Equal("https://api.mercadopago.com", MercadoPagoConfig.BaseUrl);
            Equal("3.5.0", MercadoPagoConfig.Version);
            Equal("BC32BHVTRPP001U8NHL0", MercadoPagoConfig.ProductId);
            True(MercadoPagoConfig.TrackingId.StartsWith("platform:" + Environment.Version.Major + "|"), "tracking id prefix");
            True(MercadoPagoConfig.TrackingId.EndsWith(",type:SDK3.5.0,so;"), "tracking id suffix");
        });

        Test("serializer: cancel body is {\"status\":\"cancelled\"}", () =>
        {
            Equal("{\"status\":\"cancelled\"}", new DefaultSerializer().SerializeToJson(new PaymentCancelRequest()));
        });

        Test("serializer: snake_case names", () =>
        {
            Equal("status_detail", DefaultSerializer.ToSnakeCase("StatusDetail"));
            Equal("id", DefaultSerializer.ToSnakeCase("Id"));
            Equal("date_of_expiration", DefaultSerializer.ToSnakeCase("DateOfExpiration"));
            Equal("three_ds_info", DefaultSerializer.ToSnakeCase("ThreeDSInfo"));
        });

        Test("serializer: empty body gives null", () =>
        {
            True(new DefaultSerializer().DeserializeFromJson<Payment>("") == null, "null payment");
        });

        Test("cancel: PUT {BaseUrl}/v1/payments/{id} with the cancel body", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            new PaymentClient(fake).Cancel(123);
            Equal(1, fake.Requests.Count);
            MercadoPagoRequest sent = fake.Requests[0];
            Equal(MercadoPago.Http.HttpMethod.PUT, sent.Method);
            Equal("https://api.mercadopago.com/v1/payments/123", sent.Url);
            Equal("{\"status\":\"cancelled\"}", sent.Content);
        });

        Test("cancel: default headers and no automatic X-Idempotency-Key", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            new PaymentClient(fake).Cancel(123);
            IDictionary<string, string> h = fake.Requests[0].Headers;
            Equal("Bearer TEST-config-token", h["Authorization"]);
            Equal("application/json", h["Accept"]);
            Equal("MercadoPago DotNet SDK/3.5.0", h["User-Agent"]);
            Equal("BC32BHVTRPP001U8NHL0", h["X-Product-Id"]);
            Equal(MercadoPagoConfig.TrackingId, h["X-Tracking-Id"]);
            False(fake.Requests[0].ContainsHeader("X-Idempotency-Key"), "the SDK adds no key on cancel");
            Equal(5, h.Count);
        });

        Test("cancel: CustomHeaders are sent; SDK headers and Content-Type are not overridden", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", "key-1");
            options.CustomHeaders.Add("Authorization", "Bearer other");
            options.CustomHeaders.Add("content-type", "text/plain");
            new PaymentClient(fake).Cancel(123, options);
            IDictionary<string, string> h = fake.Requests[0].Headers;
            Equal("key-1", h["X-Idempotency-Key"]);
            Equal("Bearer TEST-config-token", h["Authorization"]);
            False(h.ContainsKey("content-type"), "custom Content-Type dropped");
        });

        Test("cancel: RequestOptions.AccessToken overrides MercadoPagoConfig.AccessToken", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            new PaymentClient(fake).Cancel(123, new RequestOptions { AccessToken = "TEST-per-call" });
            Equal("Bearer TEST-per-call", fake.Requests[0].Headers["Authorization"]);
        });

        Test("cancel: 200 body maps onto Payment, ApiResponse keeps the raw answer", () =>
        {
            var answer = new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson);
            Payment p = new PaymentClient(new FakeMpHttpClient(answer)).Cancel(123);
            Equal(123L, p.Id);
            Equal("cancelled", p.Status);
            Equal("by_collector", p.StatusDetail);
            Equal(false, p.Captured);
            Equal(100.5m, p.TransactionAmount);
            Equal(1, p.Installments);
            Equal(false, p.LiveMode);
            Equal(1234567890L, p.CollectorId);
            True(p.DateApproved == null, "date_approved null");
            Equal(new DateTimeOffset(2026, 11, 26, 10, 15, 0, TimeSpan.FromHours(-4)).UtcDateTime, p.DateCreated.Value.ToUniversalTime());
            True(ReferenceEquals(answer, p.ApiResponse), "ApiResponse is the answer");
            Equal(PaymentJson, p.ApiResponse.Content);
            Equal(200, p.ApiResponse.StatusCode);
        });

        Test("cancel: CancelAsync gives the same result", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            Payment p = new PaymentClient(fake).CancelAsync(123).Result;
            Equal("cancelled", p.Status);
            Equal(MercadoPago.Http.HttpMethod.PUT, fake.Requests[0].Method);
        });

        Test("errors: 400 -> MPBadRequestException with ApiError and raw content", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(400, new Dictionary<string, string>(), Error2018Json));
            var e = Throws<MPBadRequestException>(() => new PaymentClient(fake).Cancel(123));
            True(e is MercadoPagoApiException, "is a MercadoPagoApiException");
            Equal(400, e.StatusCode);
            Equal(400, e.ApiError.Status);
            Equal("bad_request", e.ApiError.Error);
            Equal("The action requested is not valid for the current payment state", e.ApiError.Message);
            Equal(1, e.ApiError.Cause.Count);
            Equal("2018", e.ApiError.Cause[0].Code);
            Equal("The action requested is not valid for the current payment state", e.ApiError.Cause[0].Description);
            Equal(Error2018Json, e.ApiResponse.Content);
            Equal("Error response from API. | Status code: 400 | API message: The action requested is not valid for the current payment state", e.Message);
        });

        Test("errors: status -> exception type", () =>
        {
            var cases = new Dictionary<int, Type>
            {
                { 401, typeof(MPAuthenticationException) }, { 402, typeof(MPPaymentException) },
                { 403, typeof(MPForbiddenException) }, { 404, typeof(MPNotFoundException) },
                { 409, typeof(MPIdempotencyException) }, { 418, typeof(MercadoPagoApiException) },
                { 422, typeof(MPValidationException) }, { 423, typeof(MPResourceLockedException) },
                { 424, typeof(MPDependencyException) }, { 429, typeof(MPRateLimitException) },
                { 500, typeof(MPServerException) }, { 503, typeof(MPServerException) },
            };
            foreach (var c in cases)
            {
                var fake = new FakeMpHttpClient(new MercadoPagoResponse(c.Key, new Dictionary<string, string>(), "{}"));
                var e = Throws<MercadoPagoApiException>(() => new PaymentClient(fake).Cancel(1), exactType: false);
                Equal(c.Value, e.GetType());
                Equal(c.Key, e.StatusCode);
            }
        });

        Test("errors: 429 reads Retry-After", () =>
        {
            var headers = new Dictionary<string, string> { { "Retry-After", "7" } };
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(429, headers, "{}"));
            Equal(7, Throws<MPRateLimitException>(() => new PaymentClient(fake).Cancel(1)).RetryAfter);
        });

        Test("errors: non-JSON error body -> ApiError null, content kept", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(502, new Dictionary<string, string>(), "<html>Bad gateway</html>"));
            var e = Throws<MPServerException>(() => new PaymentClient(fake).Cancel(1));
            True(e.ApiError == null, "ApiError null");
            Equal("<html>Bad gateway</html>", e.ApiResponse.Content);
        });

        Test("errors: non-JSON 200 body -> MercadoPagoApiException \"Invalid response from API.\"", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), "not json"));
            var e = Throws<MercadoPagoApiException>(() => new PaymentClient(fake).Cancel(1));
            Equal("Invalid response from API. | Status code: 200", e.Message);
        });

        Test("errors: transport failure -> MercadoPagoException wrapping it", () =>
        {
            var fake = new FakeMpHttpClient(new HttpRequestException("boom"));
            var e = Throws<MercadoPagoException>(() => new PaymentClient(fake).Cancel(1));
            True(e.InnerException is HttpRequestException, "inner is the transport error");
        });

        Test("serializer: the reserve body as Newtonsoft writes it (declaration order, 100.0, nulls left out)", () =>
        {
            Equal(ReserveBody("tok"), new DefaultSerializer().SerializeToJson(ReserveRequest("tok")));
        });

        Test("serializer: capture bodies {\"capture\":true}, then with transaction_amount", () =>
        {
            var serializer = new DefaultSerializer();
            Equal("{\"capture\":true}", serializer.SerializeToJson(new PaymentCaptureRequest()));
            Equal("{\"capture\":true,\"transaction_amount\":75.0}", serializer.SerializeToJson(new PaymentCaptureRequest { TransactionAmount = 75m }));
            Equal("{\"capture\":true,\"transaction_amount\":75.50}",
                serializer.SerializeToJson(new PaymentCaptureRequest { TransactionAmount = decimal.Parse("75.50", CultureInfo.InvariantCulture) }));
        });

        Test("serializer: Newtonsoft's number forms and string escaping", () =>
        {
            var serializer = new DefaultSerializer();
            Equal("[1.0,1.5,1E+20,2,\"NaN\"]", serializer.SerializeToJson(new object[] { 1.0, 1.5f, 1e20, 2L, double.NaN }));
            Equal("\"q\\\"b\\\\n\\n\\t\\u0001<>&'\u00e9\\u2028\"", serializer.SerializeToJson("q\"b\\n\n\t\u0001<>&'\u00e9\u2028"));
            var metadata = new Dictionary<string, object> { { "OrderId", 7 }, { "note", null } };
            Equal("{\"metadata\":{\"OrderId\":7,\"note\":null}}", serializer.SerializeToJson(new PaymentCreateRequest { Metadata = metadata }));
        });

        Test("create: POST {BaseUrl}/v1/payments with the body and a new generated X-Idempotency-Key per call", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), PaymentJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            var client = new PaymentClient(fake);
            client.Create(ReserveRequest("tok"));
            client.Create(ReserveRequest("tok"));
            MercadoPagoRequest sent = fake.Requests[0];
            Equal(MercadoPago.Http.HttpMethod.POST, sent.Method);
            Equal("https://api.mercadopago.com/v1/payments", sent.Url);
            Equal(ReserveBody("tok"), sent.Content);
            string first = sent.Headers["X-Idempotency-Key"];
            Guid parsed;
            True(Guid.TryParseExact(first, "D", out parsed), "the key is a GUID: " + first);
            True(first != fake.Requests[1].Headers["X-Idempotency-Key"], "a new key per call");
            Equal(6, sent.Headers.Count);
        });

        Test("create: a caller's X-Idempotency-Key (any spelling) replaces the generated one", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), PaymentJson));
            var options = new RequestOptions();
            options.CustomHeaders.Add("x-idempotency-key", "mine");
            new PaymentClient(fake).Create(ReserveRequest("tok"), options);
            IDictionary<string, string> h = fake.Requests[0].Headers;
            Equal("mine", h["x-idempotency-key"]);
            False(h.ContainsKey("X-Idempotency-Key"), "no second key");
            Equal(6, h.Count);
        });

        Test("create: CreateAsync gives the same request and result", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), PaymentJson));
            Payment p = new PaymentClient(fake).CreateAsync(ReserveRequest("tok")).Result;
            Equal(123L, p.Id);
            Equal(201, p.ApiResponse.StatusCode);
            Equal(MercadoPago.Http.HttpMethod.POST, fake.Requests[0].Method);
            True(fake.Requests[0].ContainsHeader("X-Idempotency-Key"), "key generated");
        });

        Test("create: IdempotentRequest.CreateIdempotencyKey gives a new GUID each time", () =>
        {
            var request = new PaymentCreateRequest();
            True(request is IdempotentRequest, "PaymentCreateRequest is an IdempotentRequest");
            Guid parsed;
            True(Guid.TryParseExact(request.CreateIdempotencyKey(), "D", out parsed), "GUID");
            True(request.CreateIdempotencyKey() != request.CreateIdempotencyKey(), "new each time");
        });

        Test("capture: Capture / CaptureAsync, whole or partial: PUT, body, no automatic key", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), PaymentJson));
            var client = new PaymentClient(fake);
            client.Capture(123);
            client.Capture(123, 75m);
            client.CaptureAsync(123).Wait();
            client.CaptureAsync(123, 75m).Wait();
            client.Capture(123, (decimal?)null);
            string[] bodies =
            {
                "{\"capture\":true}", "{\"capture\":true,\"transaction_amount\":75.0}",
                "{\"capture\":true}", "{\"capture\":true,\"transaction_amount\":75.0}", "{\"capture\":true}",
            };
            Equal(bodies.Length, fake.Requests.Count);
            for (int i = 0; i < bodies.Length; i++)
            {
                MercadoPagoRequest sent = fake.Requests[i];
                Equal(MercadoPago.Http.HttpMethod.PUT, sent.Method);
                Equal("https://api.mercadopago.com/v1/payments/123", sent.Url);
                Equal(bodies[i], sent.Content);
                False(sent.ContainsHeader("X-Idempotency-Key"), "the SDK adds no key on capture");
                Equal(5, sent.Headers.Count);
            }
        });

        Test("capture: 400 cause 2017 -> MPBadRequestException", () =>
        {
            const string error2017 = "{\"message\":\"Invalid transaction_amount for update\",\"error\":\"bad_request\",\"status\":400,"
                + "\"cause\":[{\"code\":2017,\"description\":\"Invalid transaction_amount for update\",\"data\":null}]}";
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(400, new Dictionary<string, string>(), error2017));
            var e = Throws<MPBadRequestException>(() => new PaymentClient(fake).Capture(123, 150m));
            Equal("2017", e.ApiError.Cause[0].Code);
            Equal("Invalid transaction_amount for update", e.ApiError.Message);
        });

        Test("retry strategy: PUT retried twice on 409/429/5xx with 0.5 s, 1 s back-off", () =>
        {
            var strategy = new DefaultRetryStrategy(2);
            var put = new HttpRequestMessage(System.Net.Http.HttpMethod.Put, "https://api.mercadopago.com/v1/payments/1");
            foreach (int status in new[] { 409, 429, 500, 502, 503, 504 })
            {
                var answer = new HttpResponseMessage((HttpStatusCode)status);
                RetryResponse first = strategy.ShouldRetry(put, answer, false, 0);
                True(first.Retry, status + " retried");
                Equal(TimeSpan.FromMilliseconds(500), first.Delay);
                Equal(TimeSpan.FromSeconds(1), strategy.ShouldRetry(put, answer, false, 1).Delay);
                False(strategy.ShouldRetry(put, answer, false, 2).Retry, status + " not a third time");
            }

            foreach (int status in new[] { 200, 400, 401, 403, 404, 422 })
            {
                False(strategy.ShouldRetry(put, new HttpResponseMessage((HttpStatusCode)status), false, 0).Retry, status + " not retried");
            }

            True(strategy.ShouldRetry(put, null, true, 0).Retry, "transport error retried");
        });

        Test("retry strategy: POST only with an X-Idempotency-Key", () =>
        {
            var strategy = new DefaultRetryStrategy(2);
            var answer = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            var post = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, "https://api.mercadopago.com/v1/payments");
            False(strategy.ShouldRetry(post, answer, false, 0).Retry, "POST without key");
            post.Headers.Add("X-Idempotency-Key", "k");
            True(strategy.ShouldRetry(post, answer, false, 0).Retry, "POST with key");
        });

        Test("DefaultHttpClient: 503, 503, 200 -> three attempts with the same key, then success", () =>
        {
            var handler = new ScriptedHandler(503, 503, 200);
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", "same-key");
            var client = new PaymentClient(new DefaultHttpClient(new HttpClient(handler)));
            Payment p = client.Cancel(123, options);
            Equal("cancelled", p.Status);
            Equal(3, handler.Seen.Count);
            foreach (Seen s in handler.Seen)
            {
                Equal("same-key", s.Headers["X-Idempotency-Key"]);
                Equal("{\"status\":\"cancelled\"}", s.Body);
                Equal("application/json; charset=utf-8", s.ContentType);
                Equal("PUT", s.Method);
            }
        });

        Test("DefaultHttpClient: 503 three times -> MPServerException after 3 attempts", () =>
        {
            var handler = new ScriptedHandler(503, 503, 503, 200);
            var client = new PaymentClient(new DefaultHttpClient(new HttpClient(handler)));
            Throws<MPServerException>(() => client.Cancel(123));
            Equal(3, handler.Seen.Count);
        });

        Test("DefaultHttpClient: create on 503, 201 -> retried (a POST with a key is), same generated key", () =>
        {
            var handler = new ScriptedHandler(503, 201);
            var client = new PaymentClient(new DefaultHttpClient(new HttpClient(handler)));
            Payment p = client.Create(ReserveRequest("tok"));
            Equal(123L, p.Id);
            Equal(2, handler.Seen.Count);
            Equal("POST", handler.Seen[0].Method);
            Equal(handler.Seen[0].Headers["X-Idempotency-Key"], handler.Seen[1].Headers["X-Idempotency-Key"]);
            Equal(handler.Seen[0].Body, handler.Seen[1].Body);
        });

        Test("serializer: every property of PaymentCreateRequest set -> written in the SDK's declaration order", () =>
        {
            var request = new PaymentCreateRequest
            {
                ThreeDSecureMode = "optional", Marketplace = "NONE", PaymentMethodOptionId = "opt", SponsorId = 9L,
                DateOfExpiration = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), MerchantAccountId = "m",
                ProcessingMode = "aggregator", CallbackUrl = "https://c", NotificationUrl = "https://n", Installments = 1,
                StatementDescriptor = "SHOP", Token = "tok", IssuerId = "25", PaymentMethodId = "visa", Capture = false,
                ApplicationFee = 1m, DifferentialPricingId = 3, CouponCode = "C", CampaignId = 2, CouponAmount = 5m,
                NetAmount = 95m, TransactionAmount = 100m, Metadata = new Dictionary<string, object> { { "k", 1 } },
                Description = "Reserve", ExternalReference = "ref", BinaryMode = true,
                Payer = new PaymentPayerRequest { EntityType = "individual", LastName = "L", FirstName = "F", Email = "e@x.y", Id = "1", Type = "guest" },
            };
            Equal("{\"payer\":{\"type\":\"guest\",\"id\":\"1\",\"email\":\"e@x.y\",\"first_name\":\"F\",\"last_name\":\"L\",\"entity_type\":\"individual\"},"
                + "\"binary_mode\":true,\"external_reference\":\"ref\",\"description\":\"Reserve\",\"metadata\":{\"k\":1},"
                + "\"transaction_amount\":100.0,\"net_amount\":95.0,\"coupon_amount\":5.0,\"campaign_id\":2,\"coupon_code\":\"C\","
                + "\"differential_pricing_id\":3,\"application_fee\":1.0,\"capture\":false,\"payment_method_id\":\"visa\",\"issuer_id\":\"25\","
                + "\"token\":\"tok\",\"statement_descriptor\":\"SHOP\",\"installments\":1,\"notification_url\":\"https://n\","
                + "\"callback_url\":\"https://c\",\"processing_mode\":\"aggregator\",\"merchant_account_id\":\"m\","
                + "\"date_of_expiration\":\"2026-12-01T10:00:00.000Z\",\"sponsor_id\":9,\"payment_method_option_id\":\"opt\","
                + "\"marketplace\":\"NONE\",\"three_d_secure_mode\":\"optional\"}",
                new DefaultSerializer().SerializeToJson(request));
        });

        Test("errors: Message lists the \"errors\" entries' messages, then their details", () =>
        {
            const string body = "{\"message\":\"bad\",\"errors\":[{\"message\":\"m1\",\"details\":[\"d1\",\"d2\"]},{\"message\":\"m2\"},{\"details\":[\"d3\"]}]}";
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(422, new Dictionary<string, string>(), body));
            var e = Throws<MPValidationException>(() => new PaymentClient(fake).Cancel(1));
            Equal("Error response from API. | Status code: 422 | API message: bad | API message error: m1 | API message error: m2"
                + " | API message details: d1| d2| d3", e.Message);
        });

        Test("unreachable API: a refused connection -> 3 attempts, then MercadoPagoException as the SDK throws it", () =>
        {
            // Every request goes to a local port nobody listens on: a genuine "connection refused".
            var refused = new RedirectingHandler(ClosedLocalPort());
            var client = new PaymentClient(new DefaultHttpClient(new HttpClient(refused)));
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", "k");
            var started = DateTime.UtcNow;
            var e = Throws<MercadoPagoException>(() => client.Capture(123, 75m, options));
            TimeSpan waited = DateTime.UtcNow - started;
            Equal("An unexpected error has occurred.", e.Message);
            True(e.InnerException is HttpRequestException, "inner is HttpRequestException: " + e.InnerException);
            Equal(3, refused.Attempts);
            True(waited >= TimeSpan.FromMilliseconds(1400), "waited 0.5 s + 1 s between attempts: " + waited);
            string line = e.GetBaseException().Message;
            True(line.Length > 0 && line.IndexOf('\n') < 0 && line.IndexOf('\r') < 0, "one line: " + line);

            var creates = new RedirectingHandler(ClosedLocalPort());
            Throws<MercadoPagoException>(() => new PaymentClient(new DefaultHttpClient(new HttpClient(creates))).Create(ReserveRequest("tok")));
            Equal(3, creates.Attempts);
        });

        Test("DefaultHttpClient: after a 503, a failed attempt still shows the strategy that 503 (as the SDK does)", () =>
        {
            var strategy = new RecordingStrategy();
            var handler = new ScriptedHandler(503);
            var client = new DefaultHttpClient(new HttpClient(new FailAfterHandler(handler, 1)));
            var request = new MercadoPagoRequest("https://api.mercadopago.com/v1/payments/1", MercadoPago.Http.HttpMethod.PUT, null, "{}");
            var e = ThrowsAsync<HttpRequestException>(client.SendAsync(request, strategy, CancellationToken.None));
            Equal("down", e.Message);
            Equal("503 False|503 True|503 True", string.Join("|", strategy.Calls));
        });
    }

    // PaymentRefundClient and PaymentClient's refund methods, against fake transports.
    private static void OfflineRefunds()
    {
        Test("refund: bodies {} for all that is left, {\"amount\":25.5} for part (a decimal point always)", () =>
        {
            var serializer = new DefaultSerializer();
            Equal("{}", serializer.SerializeToJson(new PaymentRefundCreateRequest()));
            Equal("{\"amount\":25.5}", serializer.SerializeToJson(new PaymentRefundCreateRequest { Amount = 25.5m }));
            Equal("{\"amount\":10.0}", serializer.SerializeToJson(new PaymentRefundCreateRequest { Amount = 10m }));
            True(new PaymentRefundCreateRequest() is IdempotentRequest, "PaymentRefundCreateRequest is an IdempotentRequest");
        });

        Test("refund: Refund / RefundAsync, whole or partial: POST .../refunds, a new generated key on every call", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), RefundJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            var client = new PaymentRefundClient(fake);
            client.Refund(123);
            client.Refund(123, 25.5m);
            client.RefundAsync(123).Wait();
            client.RefundAsync(123, 25.5m).Wait();
            client.Refund(123, (decimal?)null);
            client.Refund(123, null);
            string[] bodies = { "{}", "{\"amount\":25.5}", "{}", "{\"amount\":25.5}", "{}", "{}" };
            Equal(bodies.Length, fake.Requests.Count);
            var keys = new HashSet<string>();
            for (int i = 0; i < bodies.Length; i++)
            {
                MercadoPagoRequest sent = fake.Requests[i];
                Equal(MercadoPago.Http.HttpMethod.POST, sent.Method);
                Equal("https://api.mercadopago.com/v1/payments/123/refunds", sent.Url);
                Equal(bodies[i], sent.Content);
                Guid parsed;
                True(Guid.TryParseExact(sent.Headers["X-Idempotency-Key"], "D", out parsed), "a generated GUID key");
                keys.Add(sent.Headers["X-Idempotency-Key"]);
                Equal("Bearer TEST-config-token", sent.Headers["Authorization"]);
                Equal(6, sent.Headers.Count);
            }

            Equal(bodies.Length, keys.Count);
        });

        Test("refund: a caller's X-Idempotency-Key (any spelling) replaces the generated one", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), RefundJson));
            var options = new RequestOptions();
            options.CustomHeaders.Add("x-idempotency-key", "mine");
            new PaymentRefundClient(fake).Refund(123, 25.5m, options);
            IDictionary<string, string> h = fake.Requests[0].Headers;
            Equal("mine", h["x-idempotency-key"]);
            False(h.ContainsKey("X-Idempotency-Key"), "no second key");
            Equal(6, h.Count);
        });

        Test("refund: 201 body maps onto PaymentRefund (the SDK's properties only), ApiResponse keeps the raw answer", () =>
        {
            var answer = new MercadoPagoResponse(201, new Dictionary<string, string>(), RefundJson);
            PaymentRefund r = new PaymentRefundClient(new FakeMpHttpClient(answer)).Refund(1234567890, 25.5m);
            Equal(3269585727L, r.Id);
            Equal(1234567890L, r.PaymentId);
            Equal(25.5m, r.Amount);
            Equal("approved", r.Status);
            Equal("standard", r.RefundMode);
            True(r.UniqueSequenceNumber == null, "unique_sequence_number null");
            Equal("collector", r.Source.Type);
            Equal("1234567890", r.Source.Id);
            Equal("Sandbox collector", r.Source.Name);
            Equal(new DateTimeOffset(2026, 11, 26, 10, 1, 0, TimeSpan.FromHours(-4)).UtcDateTime, r.DateCreated.Value.ToUniversalTime());
            True(ReferenceEquals(answer, r.ApiResponse), "ApiResponse is the answer");
            string[] sdkProperties = { "Amount", "ApiResponse", "DateCreated", "Id", "PaymentId", "RefundMode", "Source", "Status", "UniqueSequenceNumber" };
            Equal(string.Join(",", sdkProperties), string.Join(",", typeof(PaymentRefund).GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)));
        });

        Test("refund: Get / GetAsync: GET .../refunds/{id}, no body, no key", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), RefundJson));
            MercadoPagoConfig.AccessToken = "TEST-config-token";
            var client = new PaymentRefundClient(fake);
            PaymentRefund r = client.Get(1234567890, 3269585727);
            Equal(3269585727L, r.Id);
            client.GetAsync(1234567890, 3269585727).Wait();
            foreach (MercadoPagoRequest sent in fake.Requests)
            {
                Equal(MercadoPago.Http.HttpMethod.GET, sent.Method);
                Equal("https://api.mercadopago.com/v1/payments/1234567890/refunds/3269585727", sent.Url);
                True(sent.Content == null, "no body");
                False(sent.ContainsHeader("X-Idempotency-Key"), "no key on a GET");
                Equal(5, sent.Headers.Count);
            }
        });

        Test("refund: List / ListAsync: GET .../refunds (no trailing slash), the array into a ResourcesList", () =>
        {
            string array = "[" + RefundJson + "," + RefundJson.Replace("3269585727", "3269585728").Replace("25.5", "30") + "]";
            var answer = new MercadoPagoResponse(200, new Dictionary<string, string>(), array);
            var fake = new FakeMpHttpClient(answer);
            var client = new PaymentRefundClient(fake);
            ResourcesList<PaymentRefund> refunds = client.List(1234567890);
            True(refunds is List<PaymentRefund>, "a List<PaymentRefund>");
            Equal(2, refunds.Count);
            Equal(3269585727L, refunds[0].Id);
            Equal(3269585728L, refunds[1].Id);
            Equal(30m, refunds[1].Amount);
            Equal("collector", refunds[1].Source.Type);
            True(refunds[0].ApiResponse == null, "an item has no ApiResponse of its own");
            True(ReferenceEquals(answer, refunds.ApiResponse), "the list's ApiResponse is the answer");
            Equal(array, refunds.ApiResponse.Content);
            Equal(2, client.ListAsync(1234567890).Result.Count);
            foreach (MercadoPagoRequest sent in fake.Requests)
            {
                Equal(MercadoPago.Http.HttpMethod.GET, sent.Method);
                Equal("https://api.mercadopago.com/v1/payments/1234567890/refunds", sent.Url);
                True(sent.Content == null, "no body");
                False(sent.ContainsHeader("X-Idempotency-Key"), "no key on a GET");
            }
        });

        Test("refund: List of [] -> an empty ResourcesList with its ApiResponse; a JSON object -> \"Invalid response from API.\"", () =>
        {
            var answer = new MercadoPagoResponse(200, new Dictionary<string, string>(), "[]");
            ResourcesList<PaymentRefund> none = new PaymentRefundClient(new FakeMpHttpClient(answer)).List(1);
            Equal(0, none.Count);
            Equal("[]", none.ApiResponse.Content);
            var wrong = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), RefundJson));
            Equal("Invalid response from API. | Status code: 200",
                Throws<MercadoPagoApiException>(() => new PaymentRefundClient(wrong).List(1)).Message);
        });

        Test("refund: 400 cause 2063 -> MPBadRequestException; 404 cause 2032 -> MPNotFoundException", () =>
        {
            const string error2063 = "{\"message\":\"The action requested is not valid for the current payment state\",\"error\":\"bad_request\","
                + "\"status\":400,\"cause\":[{\"code\":2063,\"description\":\"The action requested is not valid for the current payment state\",\"data\":null}]}";
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(400, new Dictionary<string, string>(), error2063));
            Equal("2063", Throws<MPBadRequestException>(() => new PaymentRefundClient(fake).Refund(1)).ApiError.Cause[0].Code);
            const string error2032 = "{\"message\":\"Refund not found\",\"error\":\"not_found\",\"status\":404,"
                + "\"cause\":[{\"code\":2032,\"description\":\"Refund not found\",\"data\":null}]}";
            var missing = new FakeMpHttpClient(new MercadoPagoResponse(404, new Dictionary<string, string>(), error2032));
            MPNotFoundException e = Throws<MPNotFoundException>(() => new PaymentRefundClient(missing).Get(1, 2));
            Equal("2032", e.ApiError.Cause[0].Code);
            Equal(error2032, e.ApiResponse.Content);
        });

        Test("refund: PaymentClient's Refund, GetRefund and ListRefunds (and Async) go through its transport", () =>
        {
            var fake = new FakeMpHttpClient(new MercadoPagoResponse(201, new Dictionary<string, string>(), RefundJson));
            var client = new PaymentClient(fake);
            Equal(3269585727L, client.Refund(7).Id);
            client.Refund(7, 25.5m);
            client.RefundAsync(7).Wait();
            client.RefundAsync(7, 25.5m).Wait();
            client.GetRefund(7, 8);
            client.GetRefundAsync(7, 8).Wait();
            var lists = new FakeMpHttpClient(new MercadoPagoResponse(200, new Dictionary<string, string>(), "[" + RefundJson + "]"));
            Equal(1, new PaymentClient(lists).ListRefunds(7).Count);
            Equal(1, new PaymentClient(lists).ListRefundsAsync(7).Result.Count);
            string[] lines =
            {
                "POST /v1/payments/7/refunds {}", "POST /v1/payments/7/refunds {\"amount\":25.5}", "POST /v1/payments/7/refunds {}",
                "POST /v1/payments/7/refunds {\"amount\":25.5}", "GET /v1/payments/7/refunds/8 ", "GET /v1/payments/7/refunds/8 ",
                "GET /v1/payments/7/refunds ", "GET /v1/payments/7/refunds ",
            };
            var sent = fake.Requests.Concat(lists.Requests)
                .Select(r => r.Method + " " + r.Url.Substring(MercadoPagoConfig.BaseUrl.Length) + " " + r.Content);
            Equal(string.Join("|", lines), string.Join("|", sent));
            True(fake.Requests.Take(4).All(r => r.ContainsHeader("X-Idempotency-Key")), "a key on every refund");
        });

        Test("DefaultHttpClient: refund on 503, 201 -> retried (a POST with a key is), same generated key and body", () =>
        {
            var handler = new ScriptedHandler(503, 201);
            var client = new PaymentRefundClient(new DefaultHttpClient(new HttpClient(handler)));
            PaymentRefund r = client.Refund(123, 25.5m);
            Equal(123L, r.Id);
            Equal(2, handler.Seen.Count);
            Equal("POST", handler.Seen[1].Method);
            Equal(handler.Seen[0].Headers["X-Idempotency-Key"], handler.Seen[1].Headers["X-Idempotency-Key"]);
            Equal("{\"amount\":25.5}", handler.Seen[1].Body);
            Equal("application/json; charset=utf-8", handler.Seen[1].ContentType);
        });
    }

    // ---------------------------------------------------------------- live (sandbox)

    private static void Live()
    {
        string token = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        string reserve = Environment.GetEnvironmentVariable("PAYMENT_ID");
        string captured = Environment.GetEnvironmentVariable("CAPTURED_PAYMENT_ID");
        string missing = Environment.GetEnvironmentVariable("MISSING_PAYMENT_ID");
        string cardToken = Environment.GetEnvironmentVariable("CARD_TOKEN");
        string declinedCardToken = Environment.GetEnvironmentVariable("DECLINED_CARD_TOKEN");
        string captureAmount = Environment.GetEnvironmentVariable("CAPTURE_AMOUNT");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(reserve)
            || string.IsNullOrEmpty(captured) || string.IsNullOrEmpty(missing) || string.IsNullOrEmpty(cardToken)
            || string.IsNullOrEmpty(declinedCardToken) || string.IsNullOrEmpty(captureAmount))
        {
            Test("live: environment", () =>
            {
                throw new AssertionFailed("set MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID, CAPTURED_PAYMENT_ID, MISSING_PAYMENT_ID, "
                    + "CARD_TOKEN, DECLINED_CARD_TOKEN, CAPTURE_AMOUNT (run under scripts/try-in-sandbox.ts)");
            });
            return;
        }

        // The real transport (DefaultHttpClient over HttpClient), plugged in through the
        // MercadoPagoConfig.HttpClient hook, with a handler that records what goes out.
        var recorder = new RecordingHandler(new HttpClientHandler());
        MercadoPagoConfig.HttpClient = new DefaultHttpClient(new HttpClient(recorder));
        MercadoPagoConfig.AccessToken = token;

        Test("live: cancel the reserve -> cancelled / by_collector, key and token sent", () =>
        {
            recorder.Seen.Clear();
            string key = Guid.NewGuid().ToString();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", key);
            Payment p = new PaymentClient().Cancel(long.Parse(reserve), options);
            Equal(long.Parse(reserve), p.Id);
            Equal("cancelled", p.Status);
            Equal("by_collector", p.StatusDetail);
            Equal(false, p.Captured);
            Equal(200, p.ApiResponse.StatusCode);
            True(p.ApiResponse.Content.Contains("\"status\":\"cancelled\""), "raw body kept");
            Equal(1, recorder.Seen.Count);
            Seen s = recorder.Seen[0];
            Equal("PUT", s.Method);
            Equal("https://api.mercadopago.com/v1/payments/" + reserve, s.Url);
            Equal(key, s.Headers["X-Idempotency-Key"]);
            Equal("Bearer " + token, s.Headers["Authorization"]);
            Equal("{\"status\":\"cancelled\"}", s.Body);
        });

        Test("live: cancel it again -> MPBadRequestException, cause 2018", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentClient().Cancel(long.Parse(reserve), options));
            Equal(400, e.StatusCode);
            Equal("2018", e.ApiError.Cause[0].Code);
        });

        Test("live: cancel an approved payment -> MPBadRequestException 400, cause 2018, one attempt", () =>
        {
            recorder.Seen.Clear();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentClient().Cancel(long.Parse(captured), options));
            Equal(400, e.StatusCode);
            Equal(400, e.ApiError.Status);
            Equal("bad_request", e.ApiError.Error);
            Equal("2018", e.ApiError.Cause[0].Code);
            True(e.ApiResponse.Content.Contains("2018"), "raw error body kept");
            Equal(1, recorder.Seen.Count);
        });

        Test("live: cancel an unknown id without RequestOptions -> MPNotFoundException 404, cause 2000, no key sent", () =>
        {
            recorder.Seen.Clear();
            var e = Throws<MPNotFoundException>(() => new PaymentClient().Cancel(long.Parse(missing)));
            Equal(404, e.StatusCode);
            Equal("not_found", e.ApiError.Error);
            Equal("2000", e.ApiError.Cause[0].Code);
            Equal(1, recorder.Seen.Count);
            False(recorder.Seen[0].Headers.ContainsKey("X-Idempotency-Key"), "no automatic key on cancel");
        });

        Test("live: no access token -> MPAuthenticationException 401", () =>
        {
            MercadoPagoConfig.AccessToken = null;
            try
            {
                var e = Throws<MPAuthenticationException>(() => new PaymentClient().Cancel(long.Parse(missing)));
                Equal(401, e.StatusCode);
            }
            finally
            {
                MercadoPagoConfig.AccessToken = token;
            }
        });

        LiveCreateAndCapture(token, reserve, missing, cardToken, declinedCardToken, captureAmount, recorder);
    }

    // Reserves (POST with capture false), a declined card, then whole and partial captures and their errors.
    private static void LiveCreateAndCapture(
        string token, string reserve, string missing, string cardToken, string declinedCardToken, string captureAmount, RecordingHandler recorder)
    {
        long r1 = 0;
        long r2 = 0;
        string reserveKey = Guid.NewGuid().ToString();

        Test("live: create a reserve (Capture = false) -> 201 authorized / pending_capture, body as the SDK writes it", () =>
        {
            recorder.Seen.Clear();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", reserveKey);
            Payment p = new PaymentClient().Create(ReserveRequest(cardToken), options);
            True(p.Id.HasValue, "an id");
            r1 = p.Id.Value;
            Equal(201, p.ApiResponse.StatusCode);
            Equal("authorized", p.Status);
            Equal("pending_capture", p.StatusDetail);
            Equal(false, p.Captured);
            Equal(100m, p.TransactionAmount);
            Equal(1, recorder.Seen.Count);
            Seen s = recorder.Seen[0];
            Equal("POST", s.Method);
            Equal("https://api.mercadopago.com/v1/payments", s.Url);
            Equal(reserveKey, s.Headers["X-Idempotency-Key"]);
            Equal("Bearer " + token, s.Headers["Authorization"]);
            Equal("application/json; charset=utf-8", s.ContentType);
            Equal(ReserveBody(cardToken), s.Body);
        });

        Test("live: the same create with the same key -> the same payment (replayed, not a second reserve)", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", reserveKey);
            Payment p = new PaymentClient().Create(ReserveRequest(cardToken), options);
            Equal(r1, p.Id.Value);
            Equal("authorized", p.Status);
        });

        Test("live: create with a declined card, no RequestOptions -> 201 rejected (no exception), the SDK's own key", () =>
        {
            recorder.Seen.Clear();
            Payment p = new PaymentClient().Create(ReserveRequest(declinedCardToken));
            Equal(201, p.ApiResponse.StatusCode);
            Equal("rejected", p.Status);
            Equal("cc_rejected_other_reason", p.StatusDetail);
            Equal(false, p.Captured);
            Equal(1, recorder.Seen.Count);
            Guid parsed;
            True(Guid.TryParseExact(recorder.Seen[0].Headers["X-Idempotency-Key"], "D", out parsed), "a generated GUID key");
        });

        Test("live: CreateAsync a second reserve (card token made through POST /v1/card_tokens)", () =>
        {
            string secondToken = CreateApprovingCardToken(token);
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            Payment p = new PaymentClient().CreateAsync(ReserveRequest(secondToken), options).Result;
            r2 = p.Id.Value;
            Equal("authorized", p.Status);
            True(r1 != r2, "a new payment");
        });

        Test("live: Capture the first reserve whole -> 200 approved / accredited, captured, 100", () =>
        {
            recorder.Seen.Clear();
            string key = Guid.NewGuid().ToString();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", key);
            Payment p = new PaymentClient().Capture(r1, options);
            Equal(r1, p.Id.Value);
            Equal(200, p.ApiResponse.StatusCode);
            Equal("approved", p.Status);
            Equal("accredited", p.StatusDetail);
            Equal(true, p.Captured);
            Equal(100m, p.TransactionAmount);
            Equal(1, recorder.Seen.Count);
            Seen s = recorder.Seen[0];
            Equal("PUT", s.Method);
            Equal("https://api.mercadopago.com/v1/payments/" + r1, s.Url);
            Equal(key, s.Headers["X-Idempotency-Key"]);
            Equal("{\"capture\":true}", s.Body);
        });

        Test("live: Capture it again -> MPBadRequestException 400, cause 2018", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentClient().Capture(r1, options));
            Equal(400, e.StatusCode);
            Equal("2018", e.ApiError.Cause[0].Code);
        });

        Test("live: Capture more than the reserve -> MPBadRequestException 400, cause 2017, one attempt", () =>
        {
            recorder.Seen.Clear();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentClient().Capture(r2, 150m, options));
            Equal(400, e.StatusCode);
            Equal("bad_request", e.ApiError.Error);
            Equal("2017", e.ApiError.Cause[0].Code);
            Equal(1, recorder.Seen.Count);
            Equal("{\"capture\":true,\"transaction_amount\":150.0}", recorder.Seen[0].Body);
        });

        Test("live: CaptureAsync part of the second reserve (CAPTURE_AMOUNT) -> 200 approved, captured, 75", () =>
        {
            recorder.Seen.Clear();
            decimal amount = decimal.Parse(captureAmount, CultureInfo.InvariantCulture);
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            Payment p = new PaymentClient().CaptureAsync(r2, amount, options).Result;
            Equal(r2, p.Id.Value);
            Equal("approved", p.Status);
            Equal("accredited", p.StatusDetail);
            Equal(true, p.Captured);
            Equal(75m, p.TransactionAmount);
            Equal(1, recorder.Seen.Count);
            Equal("{\"capture\":true,\"transaction_amount\":75.0}", recorder.Seen[0].Body);
        });

        Test("live: Capture a cancelled payment -> MPBadRequestException 400, cause 2018", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentClient().Capture(long.Parse(reserve), options));
            Equal(400, e.StatusCode);
            Equal("2018", e.ApiError.Cause[0].Code);
            Equal("The action requested is not valid for the current payment state", e.ApiError.Message);
        });

        Test("live: Capture an unknown id without RequestOptions -> MPNotFoundException 404, no key sent", () =>
        {
            recorder.Seen.Clear();
            var e = Throws<MPNotFoundException>(() => new PaymentClient().Capture(long.Parse(missing)));
            Equal(404, e.StatusCode);
            Equal("2000", e.ApiError.Cause[0].Code);
            Equal(1, recorder.Seen.Count);
            False(recorder.Seen[0].Headers.ContainsKey("X-Idempotency-Key"), "no automatic key on capture");
        });

        LiveRefunds(token, missing, r1, r2, recorder);
    }

    // Refunds of the first reserve once captured (100), part, part again, then the rest; reads; refusals.
    private static void LiveRefunds(string token, string missing, long r1, long r2, RecordingHandler recorder)
    {
        string captured = Environment.GetEnvironmentVariable("CAPTURED_PAYMENT_ID");
        string refunds = "https://api.mercadopago.com/v1/payments/" + r1 + "/refunds";
        long f1 = 0;
        long f2 = 0;
        string secondKey = Guid.NewGuid().ToString();

        Test("live: Refund 25.5 of the captured reserve, no RequestOptions -> 201 approved, the SDK's own key", () =>
        {
            recorder.Seen.Clear();
            PaymentRefund r = new PaymentRefundClient().Refund(r1, 25.5m);
            True(r.Id.HasValue, "an id");
            f1 = r.Id.Value;
            Equal(201, r.ApiResponse.StatusCode);
            Equal(r1, r.PaymentId.Value);
            Equal(25.5m, r.Amount);
            Equal("approved", r.Status);
            Equal("standard", r.RefundMode);
            Equal("collector", r.Source.Type);
            True(r.DateCreated.HasValue, "date_created read");
            True(r.ApiResponse.Content.Contains("\"amount_refunded_to_payer\":25.5"), "raw body keeps what PaymentRefund drops");
            Equal(1, recorder.Seen.Count);
            Seen s = recorder.Seen[0];
            Equal("POST", s.Method);
            Equal(refunds, s.Url);
            Equal("{\"amount\":25.5}", s.Body);
            Equal("application/json; charset=utf-8", s.ContentType);
            Equal("Bearer " + token, s.Headers["Authorization"]);
            Guid parsed;
            True(Guid.TryParseExact(s.Headers["X-Idempotency-Key"], "D", out parsed), "a generated GUID key");
        });

        Test("live: RefundAsync 30 with a key of the caller's -> 201, that key sent", () =>
        {
            recorder.Seen.Clear();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", secondKey);
            PaymentRefund r = new PaymentRefundClient().RefundAsync(r1, 30m, options).Result;
            f2 = r.Id.Value;
            True(f1 != f2, "a second refund");
            Equal(30m, r.Amount);
            Equal(1, recorder.Seen.Count);
            Equal(secondKey, recorder.Seen[0].Headers["X-Idempotency-Key"]);
            Equal("{\"amount\":30.0}", recorder.Seen[0].Body);
        });

        Test("live: the same refund with the same key -> the same refund (replayed, nothing refunded)", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", secondKey);
            PaymentRefund r = new PaymentRefundClient().Refund(r1, 30m, options);
            Equal(f2, r.Id.Value);
        });

        Test("live: List -> 200, the two refunds oldest first, the raw array kept, no key", () =>
        {
            recorder.Seen.Clear();
            ResourcesList<PaymentRefund> list = new PaymentRefundClient().List(r1);
            Equal(2, list.Count);
            Equal(f1, list[0].Id.Value);
            Equal(f2, list[1].Id.Value);
            Equal(25.5m, list[0].Amount);
            Equal(30m, list[1].Amount);
            Equal(r1, list[1].PaymentId.Value);
            Equal(200, list.ApiResponse.StatusCode);
            True(list.ApiResponse.Content.StartsWith("["), "the raw array: " + list.ApiResponse.Content);
            Equal(1, recorder.Seen.Count);
            Equal("GET", recorder.Seen[0].Method);
            Equal(refunds, recorder.Seen[0].Url);
            True(recorder.Seen[0].Body == null, "no body");
            False(recorder.Seen[0].Headers.ContainsKey("X-Idempotency-Key"), "no key on a GET");
        });

        Test("live: Get the first refund -> 200, that refund, no key", () =>
        {
            recorder.Seen.Clear();
            PaymentRefund r = new PaymentRefundClient().Get(r1, f1);
            Equal(f1, r.Id.Value);
            Equal(25.5m, r.Amount);
            Equal(200, r.ApiResponse.StatusCode);
            Equal(refunds + "/" + f1, recorder.Seen[0].Url);
            False(recorder.Seen[0].Headers.ContainsKey("X-Idempotency-Key"), "no key on a GET");
        });

        Test("live: GetAsync a refund the payment does not have -> MPNotFoundException 404, cause 2032", () =>
        {
            var e = ThrowsAsync<MPNotFoundException>(new PaymentRefundClient().GetAsync(r1, f1 + 1000000));
            Equal(404, e.StatusCode);
            Equal("2032", e.ApiError.Cause[0].Code);
        });

        Test("live: PaymentClient.Refund (all that is left), no RequestOptions -> 201, 44.5, body {}", () =>
        {
            recorder.Seen.Clear();
            PaymentRefund r = new PaymentClient().Refund(r1);
            Equal(44.5m, r.Amount);
            Equal("approved", r.Status);
            Equal(1, recorder.Seen.Count);
            Equal("{}", recorder.Seen[0].Body);
            Equal(refunds, recorder.Seen[0].Url);
            True(recorder.Seen[0].Headers.ContainsKey("X-Idempotency-Key"), "the SDK's own key");
        });

        Test("live: Refund again, nothing left -> MPBadRequestException 400, cause 2063, one attempt", () =>
        {
            recorder.Seen.Clear();
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentRefundClient().Refund(r1, options));
            Equal(400, e.StatusCode);
            Equal("2063", e.ApiError.Cause[0].Code);
            Equal(1, recorder.Seen.Count);
        });

        Test("live: Refund more than was captured -> MPBadRequestException 400, cause 2017", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPBadRequestException>(() => new PaymentRefundClient().Refund(r2, 100m, options));
            Equal("2017", e.ApiError.Cause[0].Code);
        });

        Test("live: Refund an unknown payment -> MPNotFoundException 404, cause 2000", () =>
        {
            var options = new RequestOptions();
            options.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());
            var e = Throws<MPNotFoundException>(() => new PaymentRefundClient().Refund(long.Parse(missing), 10m, options));
            Equal("2000", e.ApiError.Cause[0].Code);
        });

        Test("live: PaymentClient.ListRefundsAsync of a payment without refunds -> 200, empty", () =>
        {
            ResourcesList<PaymentRefund> list = new PaymentClient().ListRefundsAsync(long.Parse(captured)).Result;
            Equal(0, list.Count);
            Equal("[]", list.ApiResponse.Content);
        });

        Test("live: List the refunds of an unknown payment -> MPNotFoundException 404, cause 2000", () =>
        {
            var e = Throws<MPNotFoundException>(() => new PaymentRefundClient().List(long.Parse(missing)));
            Equal("2000", e.ApiError.Cause[0].Code);
        });
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The contract's reserve: 100 on a Visa card token, one installment, Capture = false.</summary>
    private static PaymentCreateRequest ReserveRequest(string cardToken)
    {
        return new PaymentCreateRequest
        {
            TransactionAmount = 100,
            Token = cardToken,
            Description = "Reserve",
            Installments = 1,
            PaymentMethodId = "visa",
            Payer = new PaymentPayerRequest { Email = "test_user_123@testuser.com" },
            Capture = false,
        };
    }

    /// <summary>ReserveRequest's body, byte for byte as the SDK's Newtonsoft settings write it.</summary>
    private static string ReserveBody(string cardToken)
    {
        return "{\"payer\":{\"email\":\"test_user_123@testuser.com\"},\"description\":\"Reserve\",\"transaction_amount\":100.0,"
            + "\"capture\":false,\"payment_method_id\":\"visa\",\"token\":\"" + cardToken + "\",\"installments\":1}";
    }

    /// <summary>
    /// A new token of the approving test card (cardholder "APRO"), made with a plain HttpClient:
    /// the double has no CardTokenClient.
    /// </summary>
    private static string CreateApprovingCardToken(string accessToken)
    {
        const string card = "{\"card_number\":\"4509953566233704\",\"expiration_month\":11,\"expiration_year\":2030,"
            + "\"security_code\":\"123\",\"cardholder\":{\"name\":\"APRO\",\"identification\":{\"type\":\"DNI\",\"number\":\"12345678\"}}}";
        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, "https://api.mercadopago.com/v1/card_tokens"))
        {
            request.Headers.Add("Authorization", "Bearer " + accessToken);
            request.Content = new StringContent(card, Encoding.UTF8, "application/json");
            using (HttpResponseMessage answer = http.SendAsync(request).Result)
            {
                string body = answer.Content.ReadAsStringAsync().Result;
                if ((int)answer.StatusCode != 201)
                {
                    throw new AssertionFailed("card token: " + (int)answer.StatusCode + " " + body);
                }

                return new DefaultSerializer().DeserializeFromJson<CardTokenAnswer>(body).Id;
            }
        }
    }

    private sealed class CardTokenAnswer
    {
        public string Id { get; set; }
    }

    private static void Test(string name, Action body)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            body();
            passed++;
            Console.WriteLine("PASS " + name + " (" + clock.ElapsedMilliseconds + " ms)");
        }
        catch (Exception e)
        {
            failed++;
            Console.WriteLine("FAIL " + name + ": " + (e is AssertionFailed ? e.Message : e.ToString()));
        }
    }

    private sealed class AssertionFailed : Exception
    {
        public AssertionFailed(string message)
            : base(message)
        {
        }
    }

    private static void Equal<T>(T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new AssertionFailed("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new AssertionFailed("expected true: " + what);
        }
    }

    private static void False(bool condition, string what)
    {
        True(!condition, what);
    }

    /// <summary>Runs body, which must throw TException (exactly that type unless exactType is false).</summary>
    private static TException Throws<TException>(Action body, bool exactType = true) where TException : Exception
    {
        try
        {
            body();
        }
        catch (Exception e)
        {
            if (e is TException && (!exactType || e.GetType() == typeof(TException)))
            {
                return (TException)e;
            }

            throw new AssertionFailed("expected " + typeof(TException).Name + " but got " + e.GetType().Name + ": " + e.Message);
        }

        throw new AssertionFailed("expected " + typeof(TException).Name + " but nothing was thrown");
    }

    /// <summary>An IHttpClient that records requests and answers with a fixed response or failure.</summary>
    private sealed class FakeMpHttpClient : IHttpClient
    {
        private readonly MercadoPagoResponse answer;
        private readonly Exception failure;

        public FakeMpHttpClient(MercadoPagoResponse answer)
        {
            this.answer = answer;
        }

        public FakeMpHttpClient(Exception failure)
        {
            this.failure = failure;
        }

        public List<MercadoPagoRequest> Requests = new List<MercadoPagoRequest>();

        public Task<MercadoPagoResponse> SendAsync(MercadoPagoRequest request, IRetryStrategy retryStrategy, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (failure != null)
            {
                throw failure;
            }

            return Task.FromResult(answer);
        }
    }

    /// <summary>One HTTP request as it left HttpClient.</summary>
    private sealed class Seen
    {
        public string Method;
        public string Url;
        public Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string Body;
        public string ContentType;

        public static Seen Of(HttpRequestMessage request)
        {
            var seen = new Seen { Method = request.Method.Method, Url = request.RequestUri.ToString() };
            foreach (var h in request.Headers)
            {
                seen.Headers[h.Key] = string.Join(",", h.Value);
            }

            if (request.Content != null)
            {
                seen.Body = request.Content.ReadAsStringAsync().Result;
                seen.ContentType = request.Content.Headers.ContentType.ToString();
            }

            return seen;
        }
    }

    /// <summary>Answers each request with the next scripted status (a payment body for 2xx).</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<int> statuses;

        public ScriptedHandler(params int[] statuses)
        {
            this.statuses = new Queue<int>(statuses);
        }

        public List<Seen> Seen = new List<Seen>();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(DoubleTests.Seen.Of(request));
            int status = statuses.Dequeue();
            string body = status < 300 ? PaymentJson : "{\"message\":\"unavailable\",\"error\":\"service_unavailable\",\"status\":503,\"cause\":[]}";
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago (bound, then released).</summary>
    private static int ClosedLocalPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Sends every request to http://127.0.0.1:port instead, through a real HttpClientHandler.</summary>
    private sealed class RedirectingHandler : DelegatingHandler
    {
        private readonly int port;

        public RedirectingHandler(int port)
            : base(new HttpClientHandler())
        {
            this.port = port;
        }

        public int Attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            request.RequestUri = new UriBuilder(request.RequestUri) { Scheme = "http", Host = "127.0.0.1", Port = port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Passes the first n requests on, then throws HttpRequestException("down").</summary>
    private sealed class FailAfterHandler : DelegatingHandler
    {
        private int left;

        public FailAfterHandler(HttpMessageHandler inner, int n)
            : base(inner)
        {
            left = n;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (left-- > 0)
            {
                return base.SendAsync(request, cancellationToken);
            }

            throw new HttpRequestException("down");
        }
    }

    /// <summary>DefaultRetryStrategy(2) without the waits, noting what it was shown ("status hadRetryableError").</summary>
    private sealed class RecordingStrategy : IRetryStrategy
    {
        public List<string> Calls = new List<string>();

        public RetryResponse ShouldRetry(HttpRequestMessage httpRequest, HttpResponseMessage httpResponse, bool hadRetryableError, int numberRetries)
        {
            Calls.Add((httpResponse == null ? "none" : ((int)httpResponse.StatusCode).ToString()) + " " + hadRetryableError);
            RetryResponse verdict = new DefaultRetryStrategy(2).ShouldRetry(httpRequest, httpResponse, hadRetryableError, numberRetries);
            return new RetryResponse(verdict.Retry, TimeSpan.Zero);
        }
    }

    private static TException ThrowsAsync<TException>(Task task) where TException : Exception
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (TException e)
        {
            return e;
        }

        throw new AssertionFailed("expected " + typeof(TException).Name + " but nothing was thrown");
    }

    /// <summary>Passes requests on to the real handler, recording each.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public RecordingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        public List<Seen> Seen = new List<Seen>();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(DoubleTests.Seen.Of(request));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
