// Command liaison analyses intelligence liaison networks; see the README.
package main

import (
	"os"

	"github.com/liaison-net/liaison/internal/cli"
)

func main() { os.Exit(cli.Do(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
