//go:build unix

package mt

import (
	"os/exec"
	"syscall"
)

// killGroup makes cmd the leader of a new process group and, when its
// context ends, kills the whole group: apertium is a shell script that
// starts a pipeline of processes, and killing the script alone would leave
// them running.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
