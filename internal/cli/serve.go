package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/internal/config"
	"copydesk/internal/demo"
	"copydesk/internal/mt"
	"copydesk/internal/qa/hunspell"
	"copydesk/internal/review"
	"copydesk/internal/store"
	"copydesk/internal/web"
)

// shutdownGrace is how long in-flight requests get to finish after a stop signal.
const shutdownGrace = 20 * time.Second

// serve: copydesk serve [--addr A] [--db F] [--demo] [--max-body N]. It runs until
// ctx is cancelled (SIGINT or SIGTERM in main), then lets in-flight requests finish
// and closes the database.
func serve(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("serve", cio)
	cfg, err := config.ServeFlags(fs)
	if err != nil {
		return usagef("%v", err)
	}
	mtEnv := config.MTFlags(fs)
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments, only flags (got %q)", pos[0])
	}
	if err := cfg.Validate(); err != nil {
		return usagef("%v", err)
	}
	log := slog.New(slog.NewTextHandler(cio.Stderr, nil))

	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("closing the database", "err", err)
		}
	}()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	defer ln.Close()
	svc := review.New(st)
	words, err := readWords(cfg.SpellingWords)
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("hunspell"); err == nil {
		pool := hunspell.NewPool(hunspell.Options{Log: log, Words: words})
		defer pool.Close()
		svc.UseSpeller(pool.For)
	} else {
		log.Info("the spelling check is off: hunspell is not installed")
	}
	set, err := mt.FromEnv(mtEnv, &http.Client{})
	if err != nil {
		return usagef("%v", err)
	}
	svc.UseMT(set, log)
	jobsDone := make(chan struct{})
	jobsCtx, stopJobs := context.WithCancel(ctx)
	go func() { svc.RunJobs(jobsCtx); close(jobsDone) }()
	defer func() { stopJobs(); <-jobsDone }()
	if err := bootstrapAdmin(ctx, svc, cio); err != nil {
		return err
	}
	if cfg.Demo {
		if err := loadDemo(ctx, svc, log); err != nil {
			return err
		}
	}
	stopping := make(chan struct{})
	handler, err := web.Build(svc, web.Options{MaxBody: cfg.MaxBody, Logger: log, Stopping: stopping,
		TrustedProxies: cfg.TrustedProxies})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	srv.RegisterOnShutdown(func() { close(stopping) })
	fmt.Fprintf(cio.Stdout, "Copydesk is running at http://%s/ (database %s); stop it with Ctrl+C\n", ln.Addr(), cfg.DB)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("server stopped: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// readWords reads a word list, one word a line; blank lines and lines starting
// with # are skipped. An empty path is no list.
func readWords(path string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--spelling-words: %w", err)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("--spelling-words: %s is not UTF-8", path)
	}
	var words []string
	for _, line := range strings.Split(string(data), "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			words = append(words, w)
		}
	}
	return words, nil
}

// bootstrapAdmin creates the account "admin" with a random password when there is
// no account at all, and prints the password once on the console (never in a log).
func bootstrapAdmin(ctx context.Context, svc *review.Service, cio IO) error {
	n, err := svc.Store().CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	password := review.RandomSecret(15)
	if _, err := svc.CreateUser(ctx, "admin", review.RoleAdmin, password); err != nil {
		return err
	}
	fmt.Fprintf(cio.Stdout, "Created the first account. Log in as: admin  password: %s\n", password)
	fmt.Fprintln(cio.Stdout, "This password is shown only once; keep it or create more accounts with: copydesk user add")
	return nil
}

// loadDemo imports the demo articles when the database holds no document yet.
func loadDemo(ctx context.Context, svc *review.Service, log *slog.Logger) error {
	n, err := svc.Store().CountDocuments(ctx)
	if err != nil || n > 0 {
		return err
	}
	articles, err := demo.Articles()
	if err != nil {
		return err
	}
	for _, a := range articles {
		nd := review.NewDocument{Title: a.Title, SourceLang: a.SourceLang, TargetLang: a.TargetLang,
			Segments: make([]review.NewSegment, len(a.Segments))}
		for i, sg := range a.Segments {
			p := sg.Paragraph
			nd.Segments[i] = review.NewSegment{Source: sg.Source, Target: sg.Target, Paragraph: &p}
		}
		if _, err := svc.ImportDocument(ctx, nd); err != nil {
			return fmt.Errorf("demo article %q: %w", a.Title, err)
		}
	}
	pairs, err := demo.TextPairs()
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if _, _, err := svc.CreateFromTexts(ctx, nil, review.NewTexts{SourceLang: p.SourceLang, TargetLang: p.TargetLang,
			Source: p.Source, Target: p.Target, Format: "markdown"}); err != nil {
			return fmt.Errorf("demo article %s→%s: %w", p.SourceLang, p.TargetLang, err)
		}
	}
	log.Info("loaded the demo articles", "count", len(articles)+len(pairs))
	return nil
}
