package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/mercadopago/sdk-go/pkg/config"
	"github.com/mercadopago/sdk-go/pkg/mperror"
	"github.com/mercadopago/sdk-go/pkg/payment"
)

func main() {
	// The SDK's own hook for the HTTP client (config.WithHTTPClient) carries the fix below.
	cfg, err := config.New(os.Getenv("MERCADOPAGO_ACCESS_TOKEN"),
		config.WithHTTPClient(keepCaptureFalse{&http.Client{Timeout: 10 * time.Second}}))
	if err != nil {
		fail(err)
	}

	// The SDK sends a new X-Idempotency-Key with every POST by itself (it takes no key of ours):
	// a retry with the same key does not reserve twice.
	reserved, err := payment.NewClient(cfg).Create(context.Background(), payment.Request{
		TransactionAmount: 100,
		Token:             os.Getenv("CARD_TOKEN"),
		Description:       "Reserve",
		Installments:      1,
		PaymentMethodID:   "visa",
		Payer:             &payment.PayerRequest{Email: "test_user_123@testuser.com"},
		// Reserve only: the amount is held on the card until it is captured or cancelled.
		// The SDK leaves this false out of the body; keepCaptureFalse puts it back.
		Capture: false,
	})
	if err != nil {
		fail(err)
	}
	// The SDK decodes the API's JSON body into a payment.Response, whose fields keep the API's
	// names: status "authorized", status_detail "pending_capture", captured false.
	out, _ := json.Marshal(reserved)
	fmt.Println(string(out))
}

// keepCaptureFalse puts "capture": false back into the request body. The SDK (v1.8.0) leaves
// it out, because payment.Request.Capture is a bool tagged omitempty, and the API's default is
// to capture at once: without this the card would be charged, not reserved. It stands in for
// the SDK's default client, so the SDK no longer retries a failed request by itself.
type keepCaptureFalse struct{ client *http.Client }

func (k keepCaptureFalse) Do(req *http.Request) (*http.Response, error) {
	var body map[string]any
	if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
		return nil, err
	}
	body["capture"] = false
	fixed, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(fixed)), int64(len(fixed))
	return k.client.Do(req)
}

func fail(err error) {
	// An API error carries the HTTP status and the API's error body; a *url.Error means no
	// answer came at all (DNS, refused connection, TLS, timeout); anything else (a bad request body)
	// is printed as it is.
	var apiErr *mperror.ResponseError
	var netErr *url.Error
	switch {
	case errors.As(err, &apiErr):
		fmt.Fprintf(os.Stderr, "Mercado Pago API error %d: %s\n", apiErr.StatusCode, apiErr.Message)
	case errors.As(err, &netErr):
		fmt.Fprintf(os.Stderr, "Could not reach Mercado Pago: %v\n", netErr)
	default:
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(1)
}
