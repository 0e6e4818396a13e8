// Package cli is the copydesk command: serve, user add, token create, import and
// export. Each command parses its flags, opens the database, calls the review rules
// and prints only its result on stdout; problems go to stderr as one line.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"copydesk/internal/review"
	"copydesk/internal/store"
)

// IO is what a command reads and writes.
type IO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

const usage = `usage: copydesk <command> [flags]

commands:
  serve         run the web server and API
  user add      create an account
  token create  create an API token for an account
  import        import a bilingual file, two texts, or an article to translate by machine
  export        write a document's translation
  memory        import a TMX file into the translation memory, or export it
  report        write the change report of a translation (CSV or HTML)
  check         check translations (JSON Lines) or an article's text for slips

run "copydesk <command> -h" for a command's flags
`

// usageError marks a mistake in the command line (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Run executes the command line args (without the program name) and returns the
// process exit status.
func Run(ctx context.Context, args []string, cio IO) int {
	err := dispatch(ctx, args, cio)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(cio.Stderr, "copydesk: "+oneLine(publicMessage(err)))
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

func dispatch(ctx context.Context, args []string, cio IO) error {
	if len(args) == 0 {
		fmt.Fprint(cio.Stderr, usage)
		return usagef("no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return serve(ctx, rest, cio)
	case "user":
		if len(rest) == 0 || rest[0] != "add" {
			return usagef("unknown user command; use: copydesk user add --name NAME --role ROLE")
		}
		return userAdd(ctx, rest[1:], cio)
	case "token":
		if len(rest) == 0 || rest[0] != "create" {
			return usagef("unknown token command; use: copydesk token create --user NAME")
		}
		return tokenCreate(ctx, rest[1:], cio)
	case "import":
		return importCmd(ctx, rest, cio)
	case "export":
		return exportCmd(ctx, rest, cio)
	case "check":
		return checkCmd(ctx, rest, cio)
	case "report":
		return reportCmd(ctx, rest, cio)
	case "memory":
		if len(rest) == 0 || (rest[0] != "import" && rest[0] != "export") {
			return usagef("unknown memory command; use: copydesk memory import FILE.tmx, or copydesk memory export --source-lang L --target-lang L")
		}
		if rest[0] == "import" {
			return memoryImport(ctx, rest[1:], cio)
		}
		return memoryExport(ctx, rest[1:], cio)
	case "help", "-h", "--help":
		fmt.Fprint(cio.Stdout, usage)
		return nil
	default:
		return usagef("unknown command %q; run copydesk help", cmd)
	}
}

// newFlags returns a flag set whose errors come back to Run as one line instead of
// being printed with the whole flag list.
func newFlags(name string, _ IO) *flag.FlagSet {
	fs := flag.NewFlagSet("copydesk "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args, allowing flags after positional arguments, and returns the
// positional ones. -h prints the command's flags on stderr.
func parse(fs *flag.FlagSet, args []string, cio IO) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(cio.Stderr, "usage of %s:\n", fs.Name())
				fs.SetOutput(cio.Stderr)
				fs.PrintDefaults()
				return nil, err
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openService opens the database at path and returns the rules over it.
func openService(ctx context.Context, path string) (*review.Service, func(), error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	return review.New(st), func() { st.Close() }, nil
}

// publicMessage is the text shown for err: a rule's message, or the error itself
// (command-line errors come from our own code and name no secret).
func publicMessage(err error) string {
	var pub *review.Error
	if errors.As(err, &pub) {
		return pub.Message()
	}
	return err.Error()
}

// writeResult writes a command's result to stdout, or to the file out when
// one is given.
func writeResult(out string, data []byte, cio IO) error {
	if out == "" {
		_, err := cio.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, errors.Unwrap(err))
	}
	return nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
