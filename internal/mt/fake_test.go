package mt

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

const testKey = "s3cr3t-key-123:fx"

// fakeLibre is a LibreTranslate server that speaks its documented API and
// translates by prefixing "ES:".
func fakeLibre(t *testing.T, key string) (*httptest.Server, *atomic.Int64) {
	var calls atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("GET /languages", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`[{"code":"en","name":"English","targets":["en","es","fr","pb"]},
			{"code":"es","name":"Spanish","targets":["en","es"]},{"code":"auto","name":"Auto","targets":["en"]}]`))
	})
	mux.HandleFunc("POST /translate", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			http.Error(w, `{"error":"bad content type"}`, 400)
			return
		}
		var req struct {
			Q      json.RawMessage `json:"q"`
			Source string          `json:"source"`
			Target string          `json:"target"`
			Format string          `json:"format"`
			APIKey string          `json:"api_key"`
		}
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
			return
		}
		if req.APIKey != key {
			w.WriteHeader(403)
			w.Write([]byte(`{"error":"Invalid API key"}`))
			return
		}
		if req.Format != "text" || req.Source == "" || req.Target == "" {
			w.WriteHeader(400)
			w.Write([]byte(`{"error":"Invalid request"}`))
			return
		}
		prefix := strings.ToUpper(req.Target) + ":"
		var one string
		if json.Unmarshal(req.Q, &one) == nil {
			json.NewEncoder(w).Encode(map[string]string{"translatedText": prefix + one})
			return
		}
		var many []string
		if err := json.Unmarshal(req.Q, &many); err != nil {
			w.WriteHeader(400)
			w.Write([]byte(`{"error":"Invalid q"}`))
			return
		}
		for i := range many {
			many[i] = prefix + many[i]
		}
		json.NewEncoder(w).Encode(map[string][]string{"translatedText": many})
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, &calls
}

// fakeDeepL is a DeepL API v2 server that translates by prefixing the
// target code, and keeps <x> markup as it is.
func fakeDeepL(t *testing.T, key string) (*httptest.Server, *atomic.Int64) {
	var calls atomic.Int64
	auth := func(w http.ResponseWriter, r *http.Request) bool {
		if r.Header.Get("Authorization") != "DeepL-Auth-Key "+key || r.URL.Query().Has("auth_key") {
			w.WriteHeader(403)
			w.Write([]byte(`{"message":"Wrong endpoint or authentication key"}`))
			return false
		}
		return true
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v2/languages", func(w http.ResponseWriter, r *http.Request) {
		if !auth(w, r) {
			return
		}
		switch r.URL.Query().Get("type") {
		case "source":
			w.Write([]byte(`[{"language":"EN","name":"English"},{"language":"ES","name":"Spanish"},{"language":"PT","name":"Portuguese"}]`))
		case "target":
			w.Write([]byte(`[{"language":"EN-GB","name":"English (British)"},{"language":"EN-US","name":"English (American)"},
				{"language":"ES","name":"Spanish"},{"language":"PT-BR","name":"Portuguese (Brazilian)"},{"language":"PT-PT","name":"Portuguese (European)"}]`))
		default:
			w.WriteHeader(400)
		}
	})
	mux.HandleFunc("POST /v2/translate", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if !auth(w, r) {
			return
		}
		var req struct {
			Text        []string `json:"text"`
			SourceLang  string   `json:"source_lang"`
			TargetLang  string   `json:"target_lang"`
			TagHandling string   `json:"tag_handling"`
		}
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if r.Header.Get("Content-Type") != "application/json" || dec.Decode(&req) != nil || req.TargetLang == "" || req.TagHandling != "xml" {
			w.WriteHeader(400)
			w.Write([]byte(`{"message":"Bad request"}`))
			return
		}
		if len(req.Text) > 50 {
			w.WriteHeader(413)
			w.Write([]byte(`{"message":"Too many texts"}`))
			return
		}
		type tr struct {
			Detected string `json:"detected_source_language"`
			Text     string `json:"text"`
		}
		var out []tr
		for _, s := range req.Text {
			out = append(out, tr{req.SourceLang, req.TargetLang + ":" + s})
		}
		json.NewEncoder(w).Encode(map[string]any{"translations": out})
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, &calls
}
