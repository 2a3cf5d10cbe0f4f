//go:build darwin || freebsd

package serve

import "golang.org/x/sys/unix"

// socketUID is the user of the process at the other end of a local socket
// (LOCAL_PEERCRED).
var socketUID = func(fd int) (int, error) {
	cred, err := unix.GetsockoptXucred(fd, unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
	if err != nil {
		return 0, err
	}
	return int(cred.Uid), nil
}
