package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// result is what one Run left behind.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line args with stdin as standard input.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(t.Context(), args, IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// tempDB returns a database path in a fresh t.TempDir(); the file does not exist yet.
func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "copydesk.db")
}

// withStore opens the database at path, runs fn on the rules over it, and closes it.
func withStore(t *testing.T, path string, fn func(context.Context, *review.Service, *store.Store)) {
	t.Helper()
	st, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Errorf("store.Close: %v", err)
		}
	}()
	fn(t.Context(), review.New(st), st)
}

// wantFailure checks a failed run: the exit status, nothing on stdout, and exactly
// one line on stderr that starts with "copydesk: " and contains msg.
func wantFailure(t *testing.T, r result, code int, msg string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status = %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "copydesk: ") || !strings.HasSuffix(r.stderr, "\n") ||
		strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want one line starting with \"copydesk: \"", r.stderr)
	}
	if !strings.Contains(r.stderr, msg) {
		t.Errorf("stderr = %q, want it to mention %q", r.stderr, msg)
	}
}

func TestRunCommandLineMistakes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"user without subcommand", []string{"user"}, "unknown user command"},
		{"user remove", []string{"user", "remove", "--name", "ed"}, "unknown user command"},
		{"token without subcommand", []string{"token"}, "unknown token command"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, runCLI(t, "", tc.args...), 2, tc.msg)
		})
	}
	// No command at all: the usage text, then the one-line error.
	r := runCLI(t, "")
	if r.code != 2 || !strings.Contains(r.stderr, "usage: copydesk") || !strings.HasSuffix(r.stderr, "copydesk: no command given\n") {
		t.Errorf("no command: %+v", r)
	}
	r = runCLI(t, "", "help")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "usage: copydesk") || r.stderr != "" {
		t.Errorf("help: %+v", r)
	}
}

// The package promises that problems reach stderr as one line; a flag the command
// does not know or cannot parse is such a problem (only -h asks for the flag list).
func TestFlagErrorsAreOneLine(t *testing.T) {
	db := tempDB(t)
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"user", "add", "--db", db, "--bogus"}, "-bogus"},
		{[]string{"export", "--db", db, "--doc", "abc"}, `invalid value "abc" for flag -doc`},
		{[]string{"import", "--db", db, "--title"}, "flag needs an argument: -title"},
		{[]string{"serve", "--db", db, "--max-body", "lots"}, `invalid value "lots" for flag -max-body`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args[:1], " ")+" "+tc.args[len(tc.args)-1], func(t *testing.T) {
			wantFailure(t, runCLI(t, "", tc.args...), 2, tc.msg)
		})
	}
	r := runCLI(t, "", "export", "-h")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "-format") {
		t.Errorf("export -h = %+v; want exit 0 and the flag list on stderr", r)
	}
}
