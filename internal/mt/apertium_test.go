package mt

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"copydesk/internal/tags"
)

// article is a short news article, one sentence a text.
var article = []string{
	"The city council approved a new budget for public transport on Tuesday.",
	"The plan adds three bus lines and extends the hours of the metro.",
	"The mayor said that the money will come from a tax on parking.",
	"Many residents welcomed the decision, but shop owners are worried.",
	"They fear that fewer people will drive to the centre of the town.",
	"The work on the first line will begin in the spring of next year.",
	"The council will also buy forty electric buses before the summer.",
	"A report published last month showed that the air in the city is dirty.",
	"The opposition party voted against the budget and called it a mistake.",
}

// needApertium fails the test unless the apertium command and the
// English-Spanish pair are installed.
func needApertium(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("apertium"); err != nil {
		t.Fatal("the apertium command is missing: install the Debian packages apertium and apertium-eng-spa")
	}
}

// checkSpanish checks that got translates article into Spanish.
func checkSpanish(t *testing.T, got []string) {
	t.Helper()
	if len(got) != len(article) {
		t.Fatalf("got %d translations for %d sentences", len(got), len(article))
	}
	for i, s := range got {
		if strings.TrimSpace(s) == "" || s == article[i] {
			t.Errorf("sentence %d: translation %q of %q", i+1, s, article[i])
		}
	}
	all := " " + strings.ToLower(strings.Join(got, " ")) + " "
	for _, w := range []string{" el ", " la ", " de ", " que ", " en "} {
		if !strings.Contains(all, w) {
			t.Errorf("no %q in the translation: %s", w, all)
		}
	}
	// In order: the numbers and names of the sentences stay in place.
	if !strings.Contains(strings.ToLower(got[6]), "autobuses") || !strings.Contains(strings.ToLower(got[1]), "metro") {
		t.Errorf("sentences out of order: %q", got)
	}
}

// checkTokens checks that a translation of a text with tokens keeps them
// all or none, well-formed.
func checkTokens(t *testing.T, source, got string) {
	t.Helper()
	if len(tags.Scan(got)) > 0 {
		if err := tags.Check(source, got, nil); err != nil {
			t.Errorf("%q → %q: %v", source, got, err)
		}
	}
	if strings.TrimSpace(tags.Strip(got)) == "" {
		t.Errorf("%q → empty %q", source, got)
	}
}

// tagged are texts with inline tags, and one that Apertium reorders.
var tagged = []string{
	"The {1}black cat{/1} sleeps on the {2}red{/2} mat.{3/} It is happy.",
	"Click {1}here{/1} to read {2}the {3}full{/3} report{/2}.",
	"Prices rose by {1}3 %{/1} & wages <fell>.",
}

func TestApertiumCLI(t *testing.T) {
	needApertium(t)
	a := NewApertiumCLI("", "")
	pairs, err := a.Pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []Pair{{"en", "es"}, {"es", "en"}, {"es", "en-US"}} {
		if !containsPair(pairs, want) {
			t.Errorf("pairs %v lack %v", pairs, want)
		}
	}
	start := time.Now()
	got, err := a.Translate(t.Context(), "en", "es", article)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CLI: %d sentences in %s", len(article), time.Since(start))
	checkSpanish(t, got)

	got, err = a.Translate(t.Context(), "en-GB", "es", tagged)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tagged {
		t.Logf("%q → %q", tagged[i], got[i])
		checkTokens(t, tagged[i], got[i])
	}
	if !strings.Contains(got[2], "&") || !strings.Contains(got[2], "<") {
		t.Errorf("escaped characters lost: %q", got[2])
	}
}

func TestApertiumCLIErrors(t *testing.T) {
	needApertium(t)
	tests := []struct {
		name     string
		cli      *ApertiumCLI
		from, to string
		timeout  time.Duration
		want     string
	}{
		{"pair not installed", NewApertiumCLI("", ""), "en", "fr", 0, "apertium: the language pair eng-fra is not installed"},
		{"no binary", NewApertiumCLI("/nonexistent/apertium", ""), "en", "es", 0, `apertium: the command "/nonexistent/apertium" was not found (install the Debian package apertium)`},
		{"no modes", NewApertiumCLI("", t.TempDir()), "en", "es", 0, "apertium: no language pairs are installed in"},
		{"time-out", NewApertiumCLI("", ""), "en", "es", 100 * time.Millisecond, "apertium: the translation timed out after 100ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cli.SetTimeout(tt.timeout)
			got, err := tt.cli.Translate(t.Context(), tt.from, tt.to, article)
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got %v (%T), want *Error %q", err, err, tt.want)
			}
			if got != nil {
				t.Errorf("partial result %q", got)
			}
		})
	}
}

func containsPair(pairs []Pair, p Pair) bool {
	for _, q := range pairs {
		if q == p {
			return true
		}
	}
	return false
}

// freePort returns a TCP port free on every address.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startAPy starts apertium-apy on a free port, waits until it lists its
// pairs and returns its base URL on 127.0.0.1; the server is killed at the
// end of the test.
func startAPy(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("apertium-apy")
	if err != nil {
		t.Fatal("apertium-apy is missing: install the Debian packages apertium-apy and apertium-eng-spa")
	}
	port := freePort(t)
	cmd := exec.Command(bin, "-p", fmt.Sprint(port), "/usr/share/apertium/modes")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/listPairs")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case <-done:
			t.Fatalf("apertium-apy stopped: %s", logs.String())
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatalf("apertium-apy did not answer on %s within 30s", base)
	return ""
}

// countingTransport counts the requests it carries.
type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestApertiumAPy(t *testing.T) {
	base := startAPy(t)
	counter := &countingTransport{}
	a := NewApertiumAPy(base, &http.Client{Transport: counter})
	pairs, err := a.Pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []Pair{{"en", "es"}, {"es", "en"}, {"es", "en-US"}} {
		if !containsPair(pairs, want) {
			t.Errorf("pairs %v lack %v", pairs, want)
		}
	}
	counter.n.Store(0)
	got, err := a.Translate(t.Context(), "en", "es", article)
	if err != nil {
		t.Fatal(err)
	}
	checkSpanish(t, got)
	if n := counter.n.Load(); n != 1 {
		t.Errorf("%d requests for one batch of %d texts, want 1", n, len(article))
	}

	cli, err := NewApertiumCLI("", "").Translate(t.Context(), "en", "es", article)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i := range cli {
		if cli[i] == got[i] {
			same++
		}
	}
	t.Logf("apertium-apy and the command agree on %d of %d sentences", same, len(cli))

	got, err = a.Translate(t.Context(), "en", "es", tagged)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tagged {
		t.Logf("%q → %q", tagged[i], got[i])
		checkTokens(t, tagged[i], got[i])
	}

	var many []string
	for i := range 100 {
		many = append(many, article[i%len(article)])
	}
	counter.n.Store(0)
	start := time.Now()
	got, err = a.Translate(t.Context(), "en", "es", many)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("apertium-apy: %d sentences in %s, %d requests", len(many), time.Since(start), counter.n.Load())
	for i := range got {
		if got[i] != got[i%len(article)] {
			t.Errorf("sentence %d: %q, sentence %d: %q", i+1, got[i], i%len(article)+1, got[i%len(article)])
		}
	}
}

func TestApertiumAPyErrors(t *testing.T) {
	base := startAPy(t)
	a := NewApertiumAPy(base, nil)
	_, err := a.Translate(t.Context(), "en", "fr", article)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrNoPair) || !strings.HasPrefix(err.Error(), "apertium: the language pair eng-fra is not installed") {
		t.Errorf("got %v", err)
	}
	// A pair listed but refused by the server (as after a reinstall).
	_, err = a.translate(t.Context(), "eng|fra", "<p>Hello.</p>")
	if !errors.Is(err, ErrNoPair) || err.Error() != "apertium: the language pair eng-fra is not installed" {
		t.Errorf("got %v", err)
	}
}
