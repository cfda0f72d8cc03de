//go:build !js

package saves

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Sharing on the desktop: a replay is written where the player says (a
// path the game asks for, in the folder of -save-dir), and a link is put on
// the system's clipboard when one of its command-line tools is there
// (wl-copy, xclip, xsel, pbcopy, clip). Ebitengine has no clipboard of its
// own, so the link is also written to a file beside the replay, to open or
// copy from there.

// ErrNoDownload: the desktop has no downloads; it writes files (WriteFile).
var ErrNoDownload = errors.New("no downloads outside a browser: write the file instead")

// Download offers a file to the player as a browser download.
func Download(string, []byte) error { return ErrNoDownload }

// PageURL is the address of the page the game runs in: none on the desktop.
func PageURL() string { return "" }

// WriteFile writes a file the player named, whole or not at all, making its
// folder if needed.
func WriteFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), p)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// DefaultExportDir is where replays are offered to be written: the user's
// Downloads folder when there is one, else the home folder.
func DefaultExportDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if fi, err := os.Stat(filepath.Join(home, "Downloads")); err == nil && fi.IsDir() {
		return filepath.Join(home, "Downloads")
	}
	return home
}

// ErrNoClipboard: no clipboard tool was found.
var ErrNoClipboard = errors.New("no clipboard tool (wl-copy, xclip, xsel, pbcopy or clip) found")

// CopyText puts text on the system's clipboard, through the first of its
// tools that is installed and works.
func CopyText(text string) error {
	var tools [][]string
	switch runtime.GOOS {
	case "darwin":
		tools = [][]string{{"pbcopy"}}
	case "windows":
		tools = [][]string{{"clip"}}
	default:
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			tools = append(tools, []string{"wl-copy"})
		}
		if os.Getenv("DISPLAY") != "" {
			tools = append(tools, []string{"xclip", "-selection", "clipboard"}, []string{"xsel", "--clipboard", "--input"})
		}
	}
	for _, t := range tools {
		if _, err := exec.LookPath(t[0]); err != nil {
			continue
		}
		cmd := exec.Command(t[0], t[1:]...)
		cmd.Stdin = bytes.NewReader([]byte(text))
		if cmd.Run() == nil {
			return nil
		}
	}
	return ErrNoClipboard
}
