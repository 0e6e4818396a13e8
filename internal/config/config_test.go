package config_test

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"copydesk/internal/config"
)

func valid() config.Config {
	return config.Config{Addr: "127.0.0.1:8080", DB: "data/copydesk.db", MaxBody: config.DefaultMaxBody}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*config.Config)
		errHas string // "" when the config is valid
	}{
		{"defaults", func(*config.Config) {}, ""},
		{"any port", func(c *config.Config) { c.Addr = "127.0.0.1:0" }, ""},
		{"all interfaces", func(c *config.Config) { c.Addr = ":8080" }, ""},
		{"localhost", func(c *config.Config) { c.Addr = "localhost:8080" }, ""},
		{"IPv6", func(c *config.Config) { c.Addr = "[::1]:8080" }, ""},
		{"highest port", func(c *config.Config) { c.Addr = "0.0.0.0:65535" }, ""},
		{"smallest body", func(c *config.Config) { c.MaxBody = 1024 }, ""},
		{"no port", func(c *config.Config) { c.Addr = "127.0.0.1" }, "--addr"},
		{"empty addr", func(c *config.Config) { c.Addr = "" }, "--addr"},
		{"port too big", func(c *config.Config) { c.Addr = "127.0.0.1:65536" }, "port"},
		{"negative port", func(c *config.Config) { c.Addr = "127.0.0.1:-1" }, "port"},
		{"port not a number", func(c *config.Config) { c.Addr = "127.0.0.1:http" }, "port"},
		{"empty port", func(c *config.Config) { c.Addr = "127.0.0.1:" }, "port"},
		{"IPv6 without brackets", func(c *config.Config) { c.Addr = "::1:8080" }, "--addr"},
		{"unknown host", func(c *config.Config) { c.Addr = "no-such-host.invalid:8080" }, "unknown host"},
		{"empty db", func(c *config.Config) { c.DB = "" }, "--db"},
		{"tiny max body", func(c *config.Config) { c.MaxBody = 1023 }, "--max-body"},
		{"zero max body", func(c *config.Config) { c.MaxBody = 0 }, "--max-body"},
		{"negative max body", func(c *config.Config) { c.MaxBody = -1 }, "--max-body"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := valid()
			tc.change(&c)
			err := c.Validate()
			switch {
			case tc.errHas == "" && err != nil:
				t.Errorf("Validate(%+v) = %v, want nil", c, err)
			case tc.errHas != "" && err == nil:
				t.Errorf("Validate(%+v) = nil, want an error about %s", c, tc.errHas)
			case tc.errHas != "" && !strings.Contains(err.Error(), tc.errHas):
				t.Errorf("Validate(%+v) = %q, want it to mention %q", c, err, tc.errHas)
			}
		})
	}
}

// serveFlags parses args with ServeFlags, as the serve command does.
func serveFlags(t *testing.T, args ...string) (*config.Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c, err := config.ServeFlags(fs)
	if err != nil {
		return nil, err
	}
	if err := fs.Parse(args); err != nil {
		t.Fatalf("Parse(%q): %v", args, err)
	}
	return c, nil
}

func TestServeFlagsDefaults(t *testing.T) {
	t.Setenv("COPYDESK_DB", "")
	t.Setenv("COPYDESK_ADDR", "")
	t.Setenv("COPYDESK_MAX_BODY", "")
	c, err := serveFlags(t)
	if err != nil {
		t.Fatal(err)
	}
	want := config.Config{Addr: config.DefaultAddr, DB: config.DefaultDB, MaxBody: config.DefaultMaxBody}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("defaults = %+v, want %+v", *c, want)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}

func TestServeFlagsEnvironmentAndFlags(t *testing.T) {
	t.Setenv("COPYDESK_DB", "/srv/env.db")
	t.Setenv("COPYDESK_ADDR", "0.0.0.0:9000")
	t.Setenv("COPYDESK_MAX_BODY", "4096")

	c, err := serveFlags(t)
	if err != nil {
		t.Fatal(err)
	}
	want := config.Config{Addr: "0.0.0.0:9000", DB: "/srv/env.db", MaxBody: 4096}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("from the environment = %+v, want %+v", *c, want)
	}

	c, err = serveFlags(t, "--db", "flag.db", "--addr", "127.0.0.1:7000", "--max-body", "2048", "--demo")
	if err != nil {
		t.Fatal(err)
	}
	want = config.Config{Addr: "127.0.0.1:7000", DB: "flag.db", MaxBody: 2048, Demo: true}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("flags over the environment = %+v, want %+v", *c, want)
	}

	// One flag given: the others still come from the environment.
	c, err = serveFlags(t, "--db", "only.db")
	if err != nil {
		t.Fatal(err)
	}
	want = config.Config{Addr: "0.0.0.0:9000", DB: "only.db", MaxBody: 4096}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("one flag = %+v, want %+v", *c, want)
	}
}

func TestServeFlagsBadMaxBodyEnvironment(t *testing.T) {
	for _, v := range []string{"lots", "1e6", "32MiB", "99999999999999999999"} {
		t.Setenv("COPYDESK_MAX_BODY", v)
		c, err := serveFlags(t)
		if err == nil {
			err = c.Validate()
		}
		if err == nil || !strings.Contains(err.Error(), "COPYDESK_MAX_BODY") {
			t.Errorf("COPYDESK_MAX_BODY=%q: config %+v, err %v; want an error naming the variable", v, c, err)
		}
	}
	// A value that parses but is too small is caught by Validate.
	t.Setenv("COPYDESK_MAX_BODY", "10")
	c, err := serveFlags(t)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err == nil {
		t.Error("COPYDESK_MAX_BODY=10 validated")
	}
}

// "A flag beats its environment variable": with --max-body given, a stale
// COPYDESK_MAX_BODY must not matter.
func TestServeFlagsFlagBeatsBadMaxBodyEnvironment(t *testing.T) {
	t.Setenv("COPYDESK_MAX_BODY", "lots")
	c, err := serveFlags(t, "--max-body", "2048")
	if err != nil {
		t.Fatalf("ServeFlags with --max-body given: %v", err)
	}
	if c.MaxBody != 2048 {
		t.Errorf("MaxBody = %d, want the flag's 2048", c.MaxBody)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate with --max-body given: %v", err)
	}
}

func TestDBFlag(t *testing.T) {
	parse := func(args ...string) string {
		fs := flag.NewFlagSet("import", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		db := config.DBFlag(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return *db
	}
	t.Setenv("COPYDESK_DB", "")
	if got := parse(); got != config.DefaultDB {
		t.Errorf("no env, no flag: %q, want %q", got, config.DefaultDB)
	}
	t.Setenv("COPYDESK_DB", "/var/lib/copydesk/env.db")
	if got := parse(); got != "/var/lib/copydesk/env.db" {
		t.Errorf("env only: %q, want the environment's value", got)
	}
	if got := parse("--db", "flag.db"); got != "flag.db" {
		t.Errorf("env and flag: %q, want flag.db", got)
	}
}

func TestTrustedProxies(t *testing.T) {
	t.Setenv("COPYDESK_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5")
	c, err := serveFlags(t)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"10.0.0.0/8", "192.168.1.5"}; !reflect.DeepEqual(c.TrustedProxies, want) {
		t.Errorf("from the environment: %q, want %q", c.TrustedProxies, want)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("valid proxies refused: %v", err)
	}
	c, err = serveFlags(t, "--trusted-proxies", "127.0.0.1,not-an-address")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"127.0.0.1", "not-an-address"}; !reflect.DeepEqual(c.TrustedProxies, want) {
		t.Errorf("the flag beats the environment: %q, want %q", c.TrustedProxies, want)
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "not-an-address") {
		t.Errorf("Validate = %v, want an error naming the bad entry", err)
	}
}
