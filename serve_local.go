package main

// forwardToServer runs a command on the store of a running `hadir serve`,
// when there is one. It is filled in below.
func forwardToServer(env *runEnv, c *command, args []string) (int, bool) { return 0, false }
