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

	"github.com/mercadopago/sdk-go/pkg/config"
	"github.com/mercadopago/sdk-go/pkg/mperror"
	"github.com/mercadopago/sdk-go/pkg/payment"
	"github.com/mercadopago/sdk-go/pkg/requester"
)

func main() {
	cfg, err := config.New(os.Getenv("MERCADOPAGO_ACCESS_TOKEN"))
	if err != nil {
		fail(err)
	}
	// Around the SDK's own requester (its timeout and retries stay): keepCaptureFalse fixes the
	// request, keepBody keeps the API's answer.
	answer := &keepBody{next: keepCaptureFalse{next: cfg.Requester}}
	cfg.Requester = answer

	// The SDK sends a new X-Idempotency-Key with every POST by itself (it takes no key of ours):
	// a retry with the same key does not reserve twice.
	_, err = payment.NewClient(cfg).Create(context.Background(), payment.Request{
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
	// The payment as the API sent it: status "authorized", status_detail "pending_capture", captured false.
	fmt.Println(string(answer.body))
}

// keepCaptureFalse puts "capture": false back into the request body. The SDK (v1.8.0) leaves
// it out, because payment.Request.Capture is a bool tagged omitempty, and the API's default is
// to capture at once: without this the card would be charged, not reserved.
type keepCaptureFalse struct{ next requester.Requester }

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
	// The SDK's requester takes the body from GetBody before every try, the first included.
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(fixed)), nil }
	req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(fixed)), int64(len(fixed))
	return k.next.Do(req)
}

// keepBody passes each request to the SDK's requester and keeps the body of the answer. The SDK
// (v1.8.0) decodes the payment into payment.Response, which has no charges_details and turns
// each null (date_approved, money_release_date…) into "" or year 1: printed again, that would
// not be the API's JSON.
type keepBody struct {
	next requester.Requester
	body []byte
}

func (k *keepBody) Do(req *http.Request) (*http.Response, error) {
	res, err := k.next.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if k.body, err = io.ReadAll(res.Body); err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(k.body))
	return res, nil
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
