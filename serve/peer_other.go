//go:build !linux && !darwin && !freebsd

package serve

import "net"

// peerUID cannot be known here (Windows has no peer credentials on its
// local sockets): the socket is guarded by its folder's permissions alone.
func peerUID(*net.UnixConn) (uid int, known bool, err error) { return 0, false, nil }
