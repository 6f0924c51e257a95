package main

import (
	"os"
	"os/signal"
	"syscall"
)

// interrupts returns a channel that receives the signals that stop huller:
// Ctrl-C (SIGINT; on Windows the console's Ctrl-C and Ctrl-Break), SIGTERM
// and SIGHUP (on Windows, closing the console window).
func interrupts() <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	return c
}
