//go:build !unix

package mt

import "os/exec"

// killGroup leaves cmd as it is: off Unix, only the command itself is
// killed when its context ends.
func killGroup(cmd *exec.Cmd) {}
