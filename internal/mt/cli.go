package mt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ApertiumCLI translates by running the apertium command, one run per batch
// of texts. Its pairs are the *.mode files of its modes directory
// ("apertium -l" lists the default directory only, whatever -d says).
//
// Texts go to "apertium -u -f html -d DIR PAIR" as paragraphs of one HTML
// document and come back split by paragraph. Inline tag pairs travel as
// <b id="n">…</b>: with transfuse installed (Debian's apertium pulls it in)
// the command keeps each on the words it enclosed, also when Apertium
// reorders them; lone tokens {n/} pass through as they are. A text whose
// tokens come back broken or twice is translated again without them.
type ApertiumCLI struct {
	command  string
	modesDir string
	timeout  time.Duration
	cache    pairCache
}

// NewApertiumCLI returns the provider that runs command (default
// "apertium") with the modes of modesDir (default
// "/usr/share/apertium/modes"; the command is given its parent with -d, so
// the directory must be named modes).
func NewApertiumCLI(command, modesDir string) *ApertiumCLI {
	if command == "" {
		command = "apertium"
	}
	if modesDir == "" {
		modesDir = "/usr/share/apertium/modes"
	}
	return &ApertiumCLI{command: command, modesDir: modesDir}
}

// SetTimeout sets the time limit of one run of the command; zero means no
// limit but the context's.
func (a *ApertiumCLI) SetTimeout(d time.Duration) { a.timeout = d }

// Name returns "apertium".
func (a *ApertiumCLI) Name() string { return "apertium" }

// Pairs returns the pairs of the *.mode files of the modes directory.
func (a *ApertiumCLI) Pairs(ctx context.Context) ([]Pair, error) {
	t, err := a.table(ctx)
	return t.pairs, err
}

func (a *ApertiumCLI) table(ctx context.Context) (pairTable, error) {
	return a.cache.get(ctx, func(context.Context) (pairTable, error) {
		files, err := filepath.Glob(filepath.Join(a.modesDir, "*.mode"))
		if err == nil && len(files) == 0 {
			if _, err = os.Stat(a.modesDir); err == nil {
				err = errors.New("no mode files")
			}
		}
		if err != nil {
			return pairTable{}, errorf("apertium", err,
				"no language pairs are installed in %s (install a pair such as the Debian package apertium-eng-spa)", a.modesDir)
		}
		var t pairTable
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".mode")
			if p, ok := apertiumPair(name); ok {
				src, tgt, _ := strings.Cut(name, "-")
				t.add(p, src, tgt)
			}
		}
		return t, nil
	})
}

// Translate runs the command once per batch of texts.
func (a *ApertiumCLI) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	codes, err := apertiumCodes(ctx, a.table, from, to)
	if err != nil {
		return nil, err
	}
	mode := codes[0] + "-" + codes[1]
	return translateTexts(ctx, a.Name(), apertiumMarkup, texts, func(ctx context.Context, in []string) ([]string, error) {
		out := make([]string, 0, len(in))
		for _, c := range chunks(in, 64<<10, 500) {
			got, err := a.batch(ctx, mode, in[c[0]:c[1]])
			if err != nil {
				return nil, err
			}
			out = append(out, got...)
		}
		return out, nil
	})
}

// batch translates texts in one run, or one run per text when the run's
// paragraphs do not match the texts.
func (a *ApertiumCLI) batch(ctx context.Context, mode string, texts []string) ([]string, error) {
	return translateBlocks(ctx, a.Name(), texts, 1, func(ctx context.Context, input string) (string, error) {
		return a.run(ctx, mode, input)
	})
}

// run runs the command once with input on stdin and returns its stdout. The
// command and the pipeline it starts are killed when ctx ends or the time
// limit runs out.
func (a *ApertiumCLI) run(ctx context.Context, mode, input string) (string, error) {
	start := time.Now()
	if a.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, a.timeout, errTimedOut)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, a.command, "-u", "-f", "html", "-d", filepath.Dir(a.modesDir), mode)
	killGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	cmd.Stdin = strings.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	switch {
	case errors.Is(context.Cause(ctx), errTimedOut):
		return "", errorf(a.Name(), context.DeadlineExceeded, "the translation timed out after %s", roundDuration(a.timeout))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "", errorf(a.Name(), ctx.Err(), "the translation timed out after %s", roundDuration(time.Since(start)))
	case errors.Is(ctx.Err(), context.Canceled):
		return "", errorf(a.Name(), ctx.Err(), "the translation was cancelled")
	case errors.Is(err, exec.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return "", errorf(a.Name(), err, "the command %q was not found (install the Debian package apertium)", a.command)
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", errorf(a.Name(), fmt.Errorf("%s: %w", msg, err), "the command failed (%s)", clip(msg, ""))
	}
	return stdout.String(), nil
}
