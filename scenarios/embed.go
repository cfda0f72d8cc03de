// Package scenarios holds the battles as data files: scenario files, the
// ship-class catalogue and golden replays, embedded in the programs.
package scenarios

import "embed"

// FS holds every scenario file, the catalogue, and the replays/ folder.
//
//go:embed *.yaml replays/*.json
var FS embed.FS
