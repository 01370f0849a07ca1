package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"

	"github.com/mercadopago/sdk-go/pkg/config"
	"github.com/mercadopago/sdk-go/pkg/mperror"
	"github.com/mercadopago/sdk-go/pkg/payment"
)

func main() {
	cfg, err := config.New(os.Getenv("MERCADOPAGO_ACCESS_TOKEN"))
	if err != nil {
		fail(err)
	}
	paymentID, err := strconv.Atoi(os.Getenv("PAYMENT_ID"))
	if err != nil {
		fail(fmt.Errorf("PAYMENT_ID: %w", err))
	}
	// At most the reserved amount; the rest of the reserve is released to the buyer.
	amount, err := strconv.ParseFloat(os.Getenv("CAPTURE_AMOUNT"), 64)
	if err != nil || amount <= 0 {
		// CaptureAmount drops an amount of 0 from the body, which would capture everything.
		fail(fmt.Errorf("CAPTURE_AMOUNT must be a positive amount, got %q", os.Getenv("CAPTURE_AMOUNT")))
	}

	// CaptureAmount sends {"capture": true, "transaction_amount": amount}.
	// The SDK sends a new X-Idempotency-Key with every PUT by itself (it takes no key of ours):
	// a retry with the same key is not captured twice.
	captured, err := payment.NewClient(cfg).CaptureAmount(context.Background(), paymentID, amount)
	if err != nil {
		fail(err)
	}
	// The SDK decodes the API's JSON body into a payment.Response, whose fields keep the API's names:
	// status "approved", status_detail "accredited", captured true, transaction_amount the amount captured.
	out, _ := json.Marshal(captured)
	fmt.Println(string(out))
}

func fail(err error) {
	// An API error carries the HTTP status and the API's error body; a *url.Error means no
	// answer came at all (DNS, refused connection, TLS, timeout); anything else (a bad PAYMENT_ID or CAPTURE_AMOUNT)
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
