// Package config reads Copydesk's settings from command-line flags and their
// environment equivalents, and validates them once, before anything starts.
package config

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

// Defaults.
const (
	DefaultAddr    = "127.0.0.1:8080"
	DefaultDB      = "data/copydesk.db"
	DefaultMaxBody = 32 << 20 // 32 MiB
)

// Config holds every setting. A flag beats its environment variable, which beats
// the default.
type Config struct {
	Addr    string // COPYDESK_ADDR, --addr
	DB      string // COPYDESK_DB, --db
	MaxBody int64  // COPYDESK_MAX_BODY, --max-body (bytes)
	Demo    bool   // --demo
	// TrustedProxies lists reverse proxies (addresses or CIDR ranges) whose
	// X-Forwarded-For is believed: COPYDESK_TRUSTED_PROXIES, --trusted-proxies.
	TrustedProxies []string
	// SpellingWords names a file of the desk's own words (one a line) that the
	// spelling check accepts: COPYDESK_SPELLING_WORDS, --spelling-words.
	SpellingWords string

	envErr error // a bad COPYDESK_MAX_BODY, reported by Validate unless --max-body replaced it
}

// DBFlag registers --db on fs and returns where its value will be.
func DBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("COPYDESK_DB", DefaultDB), "SQLite database file (env COPYDESK_DB)")
}

// ServeFlags registers the server's flags on fs. Call Validate after fs.Parse.
func ServeFlags(fs *flag.FlagSet) (*Config, error) {
	c := &Config{MaxBody: DefaultMaxBody}
	if v := env("COPYDESK_MAX_BODY", ""); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			c.envErr = fmt.Errorf("COPYDESK_MAX_BODY=%q is not a number of bytes", v)
		}
		c.MaxBody = n
	}
	fs.StringVar(&c.Addr, "addr", env("COPYDESK_ADDR", DefaultAddr), "address to listen on, host:port (env COPYDESK_ADDR)")
	fs.StringVar(&c.DB, "db", env("COPYDESK_DB", DefaultDB), "SQLite database file (env COPYDESK_DB)")
	fs.Var(byteCount{c}, "max-body", "largest request body in bytes (env COPYDESK_MAX_BODY)")
	fs.BoolVar(&c.Demo, "demo", false, "load the demo articles into an empty database")
	fs.StringVar(&c.SpellingWords, "spelling-words", env("COPYDESK_SPELLING_WORDS", ""),
		"file of words the spelling check accepts, one a line (env COPYDESK_SPELLING_WORDS)")
	fs.Func("trusted-proxies", "comma-separated addresses or CIDR ranges of reverse proxies (env COPYDESK_TRUSTED_PROXIES)",
		func(v string) error { c.TrustedProxies = splitList(v); return nil })
	c.TrustedProxies = splitList(env("COPYDESK_TRUSTED_PROXIES", ""))
	return c, nil
}

// Validate checks the settings after parsing.
func (c *Config) Validate() error {
	if c.envErr != nil {
		return c.envErr
	}
	host, port, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("--addr %q must be host:port, such as 127.0.0.1:8080", c.Addr)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return fmt.Errorf("--addr %q: port must be a number from 0 to 65535", c.Addr)
	}
	if host != "" && net.ParseIP(host) == nil && host != "localhost" {
		if _, err := net.LookupHost(host); err != nil {
			return fmt.Errorf("--addr %q: unknown host %q", c.Addr, host)
		}
	}
	for _, p := range c.TrustedProxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			return fmt.Errorf("--trusted-proxies: %q is neither an address nor a CIDR range", p)
		}
	}
	if c.DB == "" {
		return fmt.Errorf("--db must name a database file")
	}
	if c.MaxBody < 1024 {
		return fmt.Errorf("--max-body %d is too small; give at least 1024 bytes", c.MaxBody)
	}
	return nil
}

// byteCount is the --max-body flag: setting it replaces the environment's value,
// bad or not.
type byteCount struct{ c *Config }

func (b byteCount) String() string {
	if b.c == nil {
		return ""
	}
	return strconv.FormatInt(b.c.MaxBody, 10)
}

func (b byteCount) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("not a number of bytes")
	}
	b.c.MaxBody, b.c.envErr = n, nil
	return nil
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// MTFlags registers the machine-translation settings that may be given as
// flags (--mt, --apertium-url, --libretranslate-url, --deepl-url, --mt-timeout)
// on fs, and returns the lookup that mt.FromEnv reads: a flag given on the
// command line beats its environment variable. API keys are read from the
// environment only (COPYDESK_DEEPL_KEY, COPYDESK_LIBRETRANSLATE_KEY), so that
// they never show in a process list.
func MTFlags(fs *flag.FlagSet) func(string) string {
	vals := map[string]*string{}
	for _, f := range []struct{ name, env, usage string }{
		{"mt", "COPYDESK_MT", "machine-translation providers in order of preference: apertium, libretranslate, deepl (env COPYDESK_MT; default apertium)"},
		{"apertium-url", "COPYDESK_APERTIUM_URL", "apertium-apy base URL; empty runs the apertium command (env COPYDESK_APERTIUM_URL)"},
		{"libretranslate-url", "COPYDESK_LIBRETRANSLATE_URL", "LibreTranslate base URL (env COPYDESK_LIBRETRANSLATE_URL; key in COPYDESK_LIBRETRANSLATE_KEY)"},
		{"deepl-url", "COPYDESK_DEEPL_URL", "DeepL API base URL (env COPYDESK_DEEPL_URL; key in COPYDESK_DEEPL_KEY)"},
		{"mt-timeout", "COPYDESK_MT_TIMEOUT", "time-out of one request to a provider, such as 60s (env COPYDESK_MT_TIMEOUT)"},
	} {
		vals[f.env] = fs.String(f.name, os.Getenv(f.env), f.usage)
	}
	return func(name string) string {
		if v, ok := vals[name]; ok {
			return *v
		}
		return os.Getenv(name)
	}
}
