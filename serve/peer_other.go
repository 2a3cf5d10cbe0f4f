//go:build !linux && !darwin && !freebsd

package serve

// socketUID cannot be known here (Windows has no peer credentials on its
// local sockets): the socket is guarded by its folder's permissions alone.
var socketUID func(fd int) (int, error)
