package mt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxBody caps the size of an answer read from a provider.
const maxBody = 32 << 20

// errTimedOut is the cause of a request's context when its own time limit
// ran out.
var errTimedOut = errors.New("time limit reached")

// web is what the HTTP providers share: the client, the per-request time
// limit and the address shown in messages.
type web struct {
	name    string
	base    string // base URL without a trailing slash
	client  *http.Client
	timeout time.Duration
}

// newWeb trims base and defaults client.
func newWeb(name, base string, client *http.Client) web {
	if client == nil {
		client = http.DefaultClient
	}
	return web{name: name, base: strings.TrimRight(base, "/"), client: client}
}

// host is the server's host:port as shown in messages.
func (w *web) host() string {
	u, err := url.Parse(w.base)
	if err != nil || u.Host == "" {
		return "the configured address"
	}
	return u.Host
}

// do sends the request made by newReq and returns the status and body of the
// answer. A failure to get an answer is an *Error saying what happened; the
// status is not checked here.
func (w *web) do(ctx context.Context, newReq func(ctx context.Context) (*http.Request, error)) (int, []byte, error) {
	start := time.Now()
	limit := w.timeout
	if d, ok := ctx.Deadline(); ok && (limit <= 0 || time.Until(d) < limit) {
		limit = time.Until(d)
	}
	if w.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, w.timeout, errTimedOut)
		defer cancel()
	}
	req, err := newReq(ctx)
	if err != nil {
		return 0, nil, errorf(w.name, err, "the request could not be made")
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, nil, w.failure(ctx, err, limit, time.Since(start))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, nil, w.failure(ctx, err, limit, time.Since(start))
	}
	return resp.StatusCode, body, nil
}

// failure explains an error of the transport.
func (w *web) failure(ctx context.Context, err error, limit, took time.Duration) *Error {
	var ne net.Error
	switch {
	case errors.Is(context.Cause(ctx), errTimedOut), errors.Is(err, context.DeadlineExceeded):
		if limit <= 0 {
			limit = took
		}
		return errorf(w.name, err, "the request timed out after %s", roundDuration(limit))
	case errors.Is(err, context.Canceled):
		return errorf(w.name, err, "the request was cancelled")
	case errors.As(err, &ne) && ne.Timeout():
		if w.client.Timeout > 0 {
			limit = w.client.Timeout
		} else {
			limit = took
		}
		return errorf(w.name, err, "the request timed out after %s", roundDuration(limit))
	}
	return errorf(w.name, err, "the server at %s did not answer", w.host())
}

// roundDuration rounds d for a message: "30s", "1.5s", "250ms".
func roundDuration(d time.Duration) string {
	if d >= time.Second {
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// clip shortens a detail taken from an answer for a message, and removes
// secret from it.
func clip(s, secret string) string {
	if secret != "" {
		s = strings.ReplaceAll(s, secret, "…")
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

// statusError explains an answer with an unexpected status. detail, when not
// empty, is the provider's own explanation taken from a JSON error body
// (never a raw body); hint is advice for the status, e.g. "check the API key".
func statusError(name string, status int, detail, hint string) *Error {
	err := fmt.Errorf("status %d", status)
	reason := fmt.Sprintf("the server answered %d", status)
	switch {
	case hint != "" && detail != "":
		reason += fmt.Sprintf(" (%s: %s)", hint, detail)
	case hint != "":
		reason += " (" + hint + ")"
	case detail != "":
		reason += " (" + detail + ")"
	}
	return &Error{Provider: name, Reason: reason, Err: err}
}

// badAnswer is the *Error of an answer that could not be read.
func badAnswer(name string, err error) *Error {
	return errorf(name, err, "the answer could not be read (%s)", clip(err.Error(), ""))
}

// jsonAPI describes a JSON API for callJSON: how to authorise a request, the
// field of an error answer that carries the message, hints per status, and
// the secret to keep out of messages.
type jsonAPI struct {
	authorise func(*http.Request) // nil: no authorisation header
	errField  string              // "message" (DeepL), "error" (LibreTranslate)
	hints     map[int]string
	secret    string
}

// callJSON sends in (nil: no body) as JSON to base+path and decodes a 200
// answer into v; any other status is a *Error with the server's message,
// clipped and without the secret, and the hint for that status.
func (w *web) callJSON(ctx context.Context, api jsonAPI, method, path string, in, v any) error {
	var payload []byte
	if in != nil {
		var err error
		if payload, err = json.Marshal(in); err != nil {
			return errorf(w.name, err, "the request could not be made")
		}
	}
	status, body, err := w.do(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, method, w.base+path, bytes.NewReader(payload))
		if err == nil {
			if api.authorise != nil {
				api.authorise(req)
			}
			req.Header.Set("Accept", "application/json")
			if in != nil {
				req.Header.Set("Content-Type", "application/json")
			}
		}
		return req, err
	})
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		var e map[string]any
		_ = json.Unmarshal(body, &e)
		msg, _ := e[api.errField].(string)
		return statusError(w.name, status, clip(msg, api.secret), api.hints[status])
	}
	if err := json.Unmarshal(body, v); err != nil {
		return badAnswer(w.name, err)
	}
	return nil
}
