// Package gocourse carries the simulator's source inside the gocourse binary.
//
// A program explored under the simulator is rewritten to import package sim, so sim's
// source must be on disk beside it when it is built. Embedding it here lets explore,
// replay and trace work from an installed binary, on a folder anywhere on disk; the
// grader materialises it into a cache folder as a module of its own.
package gocourse

import "embed"

// SimSource is the source tree of package sim and its drop-in packages.
//
//go:embed sim
var SimSource embed.FS
