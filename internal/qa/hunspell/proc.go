package hunspell

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

var errClosed = errors.New("hunspell: pool closed")

// startTimeout is the least time given to a process to load its dictionary
// (pt_BR takes half a second); a variable for tests.
var startTimeout = 5 * time.Second

// proc is one hunspell process and the pipes to it. Its mutex serializes the
// requests; a process that died is started again by the next request.
type proc struct {
	mu      sync.Mutex
	argv    func() ([]string, error) // program and arguments
	greet   func(pr *proc) error     // first exchange once started
	timeout time.Duration

	cmd    *exec.Cmd
	in     *os.File
	outF   *os.File
	out    *bufio.Reader
	exited chan struct{}
	stderr *tailWriter
	closed bool
}

// do runs one exchange fn on a live process. On an I/O failure it kills the
// process, whose state is then unknown, and tries once more on a fresh one,
// unless the time ran out.
func (pr *proc) do(fn func(pr *proc) error) error {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		if pr.closed {
			return errClosed
		}
		if err = pr.ensure(); err != nil {
			return err
		}
		deadline := time.Now().Add(pr.timeout)
		_ = pr.in.SetWriteDeadline(deadline)
		_ = pr.outF.SetReadDeadline(deadline)
		if err = fn(pr); err == nil {
			return nil
		}
		pr.stop(true)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return fmt.Errorf("hunspell: no answer within %v", pr.timeout)
		}
	}
	return err
}

// ensure starts the process unless it is running.
func (pr *proc) ensure() error {
	if pr.cmd != nil {
		select {
		case <-pr.exited:
			pr.stop(false)
		default:
			return nil
		}
	}
	argv, err := pr.argv()
	if err != nil {
		return err
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("hunspell: pipe: %w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return fmt.Errorf("hunspell: pipe: %w", err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout = inR, outW
	pr.stderr = &tailWriter{}
	cmd.Stderr = pr.stderr
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return fmt.Errorf("hunspell: start: %w", err)
	}
	pr.cmd, pr.in, pr.outF, pr.out = cmd, inW, outR, bufio.NewReaderSize(outR, 8192)
	pr.exited = make(chan struct{})
	go func(exited chan struct{}) {
		_ = cmd.Wait()
		close(exited)
	}(pr.exited)

	deadline := time.Now().Add(max(pr.timeout, startTimeout))
	_ = pr.in.SetWriteDeadline(deadline)
	_ = pr.outF.SetReadDeadline(deadline)
	if err := pr.greet(pr); err != nil {
		msg := pr.stderr.String()
		pr.stop(true)
		if msg != "" {
			return fmt.Errorf("hunspell: start %s: %w (%s)", argv[len(argv)-1], err, msg)
		}
		return fmt.Errorf("hunspell: start %s: %w", argv[len(argv)-1], err)
	}
	return nil
}

// stop ends the process: it closes its input, which makes hunspell exit, or
// kills it; then it waits for it.
func (pr *proc) stop(kill bool) {
	if pr.cmd == nil {
		return
	}
	if kill {
		_ = pr.cmd.Process.Kill()
	}
	pr.in.Close()
	select {
	case <-pr.exited:
	case <-time.After(time.Second):
		_ = pr.cmd.Process.Kill()
		<-pr.exited
	}
	pr.outF.Close()
	pr.cmd, pr.in, pr.outF, pr.out = nil, nil, nil, nil
}

// close stops the process for good.
func (pr *proc) close() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.closed = true
	pr.stop(false)
}

// pid is the running process's id, or 0 (for tests).
func (pr *proc) pid() int {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.cmd == nil {
		return 0
	}
	return pr.cmd.Process.Pid
}

// write sends bytes to the process.
func (pr *proc) write(parts ...string) error {
	for _, p := range parts {
		if _, err := pr.in.WriteString(p); err != nil {
			return err
		}
	}
	return nil
}

// readLine reads one line of answer, without its newline.
func (pr *proc) readLine() (string, error) {
	line, err := pr.out.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// tailWriter keeps the first bytes a process writes to stderr, for errors.
type tailWriter struct {
	mu  sync.Mutex
	buf []byte
}

func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if room := 300 - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// String returns the first line kept.
func (w *tailWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s, _, _ := strings.Cut(string(w.buf), "\n")
	return strings.TrimSpace(s)
}
