package web_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

const testMaxBody = 64 << 10 // 64 KiB

// chunked hides a reader's length, so that the client sends it with chunked
// transfer encoding and the server cannot know its size in advance.
type chunked struct{ r io.Reader }

func (c chunked) Read(p []byte) (int, error) { return c.r.Read(p) }

// padded returns JSON text of exactly n bytes: v followed by spaces.
func padded(t *testing.T, v string, n int) string {
	t.Helper()
	if len(v) > n {
		t.Fatalf("padded: %d bytes do not fit in %d", len(v), n)
	}
	return v + strings.Repeat(" ", n-len(v))
}

// bigDocument is a valid document body of more than n bytes.
func bigDocument(n int) string {
	var b strings.Builder
	b.WriteString(`{"title":"Big","source_lang":"en","target_lang":"fr","segments":[`)
	for i := 0; b.Len() <= n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"source":"Sentence number ` + strconv.Itoa(i) + `.","target":"Phrase numéro ` + strconv.Itoa(i) + `."}`)
	}
	b.WriteString(`]}`)
	return b.String()
}

func TestAPIBodyTooLarge(t *testing.T) {
	t.Parallel()
	e := newEnv(t, testMaxBody)
	doc := e.createDoc(t, docIn{Title: "Limits", SourceLang: "en", TargetLang: "fr", Segments: para(1, 2)})
	id := e.segments(t, doc.ID)[0].ID

	bigTarget := `{"target":"` + strings.Repeat("x", testMaxBody) + `","version":1}`
	cases := []struct {
		name, method, path, body string
	}{
		{"create document", http.MethodPost, "/api/v1/documents", bigDocument(testMaxBody)},
		{"create document one byte over", http.MethodPost, "/api/v1/documents", padded(t, `{"title":"T","source_lang":"en","target_lang":"fr","segments":[{"source":"A.","target":"B."}]}`, testMaxBody+1)},
		{"edit", http.MethodPut, segPath(id, ""), bigTarget},
		{"edit one byte over", http.MethodPut, segPath(id, ""), padded(t, `{"target":"Petit.","version":1}`, testMaxBody+1)},
		{"approve", http.MethodPost, segPath(id, "/approve"), padded(t, `{"version":1}`, 2*testMaxBody)},
		{"reject", http.MethodPost, segPath(id, "/reject"), `{"version":1,"reason":"` + strings.Repeat("r", testMaxBody) + `"}`},
	}
	for _, c := range cases {
		for _, sized := range []bool{true, false} {
			name := c.name + "/chunked"
			if sized {
				name = c.name + "/content-length"
			}
			t.Run(name, func(t *testing.T) {
				before := e.snapshot(t, id)
				req := e.newRequest(t, c.method, c.path, e.reviewer, nil)
				req.Header.Set("Content-Type", "application/json")
				if sized {
					req.Body = io.NopCloser(strings.NewReader(c.body))
					req.ContentLength = int64(len(c.body))
				} else {
					req.Body = io.NopCloser(chunked{strings.NewReader(c.body)})
					req.ContentLength = -1
				}
				r := e.send(t, req).expect(t, http.StatusRequestEntityTooLarge)
				if msg := errorMessage(t, r); !strings.Contains(msg, strconv.Itoa(testMaxBody)) {
					t.Errorf("error = %q, want it to name the limit %d", msg, testMaxBody)
				}
				e.unchanged(t, id, before)
			})
		}
	}
}

// TestAPIBodyAtLimit: a body of exactly the limit is read, with or without a length.
func TestAPIBodyAtLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, testMaxBody)
	doc := e.createDoc(t, docIn{Title: "Limits", SourceLang: "en", TargetLang: "fr", Segments: para(1, 2)})
	segs := e.segments(t, doc.ID)
	for i, sized := range []bool{true, false} {
		body := padded(t, `{"target":"Juste.","version":1}`, testMaxBody)
		req := e.newRequest(t, http.MethodPut, segPath(segs[i].ID, ""), e.reviewer, nil)
		if sized {
			req.Body, req.ContentLength = io.NopCloser(strings.NewReader(body)), int64(len(body))
		} else {
			req.Body, req.ContentLength = io.NopCloser(chunked{strings.NewReader(body)}), -1
		}
		got := decodeBody[apiSegment](t, e.send(t, req).expect(t, http.StatusOK))
		if got.Target != "Juste." || got.Version != 2 || got.State != "draft" {
			t.Errorf("sized=%v: segment = %+v, want the edit saved", sized, got)
		}
	}
}
