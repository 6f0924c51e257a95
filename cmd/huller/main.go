// Command huller finds the holes ("huller") in a team's competences: it
// scores a roster against a competence framework and reports the gaps.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
