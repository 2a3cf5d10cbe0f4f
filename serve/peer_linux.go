package serve

import "golang.org/x/sys/unix"

// socketUID is the user of the process at the other end of a local socket
// (SO_PEERCRED).
var socketUID = func(fd int) (int, error) {
	cred, err := unix.GetsockoptUcred(fd, unix.SOL_SOCKET, unix.SO_PEERCRED)
	if err != nil {
		return 0, err
	}
	return int(cred.Uid), nil
}
