// Package campaigns holds the campaigns as data files, embedded in the
// programs: each plays battles of package scenarios in order (game/campaign
// reads them).
package campaigns

import "embed"

// FS holds every campaign file.
//
//go:embed *.yaml
var FS embed.FS
