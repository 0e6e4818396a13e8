package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"copydesk/internal/config"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// userAdd: copydesk user add --name NAME --role admin|reviewer|viewer [--password-stdin]
func userAdd(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("user add", cio)
	db := config.DBFlag(fs)
	name := fs.String("name", "", "account name (letters, digits, . _ -)")
	role := fs.String("role", "", "admin, reviewer or viewer")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("user add takes no arguments, only flags (got %q)", pos[0])
	}
	if *name == "" || *role == "" {
		return usagef("user add needs --name and --role")
	}
	password := review.RandomSecret(15)
	if *fromStdin {
		if password, err = readPassword(cio); err != nil {
			return err
		}
	}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	if _, err := svc.CreateUser(ctx, *name, *role, password); err != nil {
		return err
	}
	if !*fromStdin {
		fmt.Fprintln(cio.Stdout, password)
	}
	fmt.Fprintf(cio.Stderr, "created %s %q\n", *role, *name)
	return nil
}

func readPassword(cio IO) (string, error) {
	line, err := bufio.NewReader(cio.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// tokenCreate: copydesk token create --user NAME
func tokenCreate(ctx context.Context, args []string, cio IO) error {
	fs := newFlags("token create", cio)
	db := config.DBFlag(fs)
	user := fs.String("user", "", "account the token acts as")
	pos, err := parse(fs, args, cio)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *user == "" {
		return usagef("use: copydesk token create --user NAME")
	}
	svc, closeDB, err := openService(ctx, *db)
	if err != nil {
		return err
	}
	defer closeDB()
	token, err := svc.CreateToken(ctx, *user)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no user called %q", *user)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(cio.Stdout, token)
	return nil
}
