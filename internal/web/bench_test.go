package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/web"
)

// benchEnv is a real store in a temporary file behind the real router.
type benchEnv struct {
	svc     *review.Service
	handler http.Handler
	token   string
}

func newBenchEnv(b *testing.B) *benchEnv {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc := review.New(st)
	if _, err := svc.CreateUser(ctx, "bench", review.RoleReviewer, "bench-password"); err != nil {
		b.Fatal(err)
	}
	token, err := svc.CreateToken(ctx, "bench")
	if err != nil {
		b.Fatal(err)
	}
	h := web.New(svc, web.Options{MaxBody: 256 << 20, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return &benchEnv{svc: svc, handler: h, token: token}
}

// benchSegments returns n news-like segments, five to a paragraph.
func benchSegments(n int) []review.NewSegment {
	segs := make([]review.NewSegment, n)
	for i := range segs {
		p := i/5 + 1
		segs[i] = review.NewSegment{
			Source:    fmt.Sprintf("Le conseil municipal a voté le budget n° %d de l’année, a déclaré la maire jeudi.", i),
			Target:    fmt.Sprintf("The city council voted on budget no. %d for the year , the mayor said on Thursday.", i),
			Paragraph: &p,
		}
	}
	return segs
}

// benchDocumentBody is a POST /api/v1/documents body of n segments.
func benchDocumentBody(b *testing.B, n int) []byte {
	b.Helper()
	type seg struct {
		Source    string `json:"source"`
		Target    string `json:"target"`
		Paragraph int    `json:"paragraph"`
	}
	segs := make([]seg, n)
	for i, s := range benchSegments(n) {
		segs[i] = seg{Source: s.Source, Target: s.Target, Paragraph: *s.Paragraph}
	}
	body, err := json.Marshal(map[string]any{"title": "Bench", "source_lang": "fr", "target_lang": "en", "segments": segs})
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func (e *benchEnv) do(b *testing.B, c *http.Client, url, method, path string, body []byte) (int, []byte) {
	req, err := http.NewRequest(method, url+path, bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.token)
	res, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		b.Fatal(err)
	}
	return res.StatusCode, data
}

// BenchmarkImport100k posts a 100,000-segment document to a server on loopback.
// Target: at most 2 s per import.
func BenchmarkImport100k(b *testing.B) {
	env := newBenchEnv(b)
	srv := httptest.NewServer(env.handler)
	defer srv.Close()
	body := benchDocumentBody(b, 100_000)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		status, data := env.do(b, srv.Client(), srv.URL, http.MethodPost, "/api/v1/documents", body)
		if status != http.StatusCreated {
			b.Fatalf("import: %d %s", status, data)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/import")
}

// BenchmarkSegmentPut runs 50 keep-alive clients over loopback, each editing its own
// segments with the version it last saw. Targets: ≥ 3,000 req/s, p99 ≤ 50 ms.
func BenchmarkSegmentPut(b *testing.B) {
	const clients = 50
	const perClient = 20
	env := newBenchEnv(b)
	ctx := context.Background()
	nd := review.NewDocument{Title: "Bench", SourceLang: "fr", TargetLang: "en", Segments: benchSegments(clients * perClient)}
	docID, err := env.svc.ImportDocument(ctx, nd)
	if err != nil {
		b.Fatal(err)
	}
	tr, err := env.svc.Translation(ctx, docID, "")
	if err != nil {
		b.Fatal(err)
	}
	page, err := env.svc.Store().ListSegments(ctx, tr, store.Filter{}, 0, clients*perClient)
	if err != nil {
		b.Fatal(err)
	}

	srv := httptest.NewServer(env.handler)
	defer srv.Close()
	transport := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport}

	latencies := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for w := range clients {
		n := b.N / clients
		if w < b.N%clients {
			n++
		}
		mine := page.Segments[w*perClient : (w+1)*perClient]
		versions := make([]int, len(mine))
		for i := range versions {
			versions[i] = mine[i].Version
		}
		wg.Go(func() {
			lat := make([]time.Duration, 0, n)
			for i := range n {
				k := i % len(mine)
				body := []byte(`{"target":"Edit ` + strconv.Itoa(i) + ` by client ` + strconv.Itoa(w) + `.","version":` + strconv.Itoa(versions[k]) + `}`)
				t0 := time.Now()
				status, data := env.do(b, client, srv.URL, http.MethodPut, "/api/v1/segments/"+strconv.FormatInt(mine[k].ID, 10), body)
				lat = append(lat, time.Since(t0))
				if status != http.StatusOK {
					b.Errorf("PUT: %d %s", status, data)
					return
				}
				versions[k]++
			}
			latencies[w] = lat
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkSegmentPage reads a 100-segment page, in process, from documents of
// different lengths: the cost must not grow with the document. Target: p50 ≤ 2 ms.
func BenchmarkSegmentPage(b *testing.B) {
	for _, size := range []int{100, 100_000} {
		b.Run("doc="+strconv.Itoa(size), func(b *testing.B) {
			env := newBenchEnv(b)
			srv := httptest.NewServer(env.handler)
			status, data := env.do(b, srv.Client(), srv.URL, http.MethodPost, "/api/v1/documents", benchDocumentBody(b, size))
			srv.Close()
			if status != http.StatusCreated {
				b.Fatalf("import: %d %s", status, data)
			}
			var doc struct{ ID int64 }
			if err := json.Unmarshal(data, &doc); err != nil {
				b.Fatal(err)
			}
			offset := size/2 - 50
			path := fmt.Sprintf("/api/v1/documents/%d/segments?offset=%d&limit=100", doc.ID, max(offset, 0))
			var lat []time.Duration
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.Header.Set("Authorization", "Bearer "+env.token)
				rec := httptest.NewRecorder()
				t0 := time.Now()
				env.handler.ServeHTTP(rec, req)
				lat = append(lat, time.Since(t0))
				if rec.Code != http.StatusOK {
					b.Fatalf("page: %d %s", rec.Code, rec.Body)
				}
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

// BenchmarkReviewPage renders the review page (50 segments, diffs included) from the
// middle of documents of different lengths: the cost must not grow with the document.
func BenchmarkReviewPage(b *testing.B) {
	for _, size := range []int{100, 100_000} {
		b.Run("doc="+strconv.Itoa(size), func(b *testing.B) {
			env := newBenchEnv(b)
			ctx := context.Background()
			id, err := env.svc.ImportDocument(ctx, review.NewDocument{Title: "Bench", SourceLang: "fr", TargetLang: "en", Segments: benchSegments(size)})
			if err != nil {
				b.Fatal(err)
			}
			secret, err := env.svc.Login(ctx, "bench", "bench-password", "127.0.0.1")
			if err != nil {
				b.Fatal(err)
			}
			page := size / 2 / 50
			path := fmt.Sprintf("/documents/%d?lang=en&page=%d", id, max(page, 1))
			var lat []time.Duration
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.AddCookie(&http.Cookie{Name: "copydesk_session", Value: secret})
				rec := httptest.NewRecorder()
				t0 := time.Now()
				env.handler.ServeHTTP(rec, req)
				lat = append(lat, time.Since(t0))
				if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte("data-segment-id")) {
					b.Fatalf("review page: %d", rec.Code)
				}
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
