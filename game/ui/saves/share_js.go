//go:build js

package saves

import (
	"errors"
	"fmt"
	"syscall/js"
)

// Sharing in the browser: a replay is offered as a download, and a link is
// copied with the page's clipboard (ds9page.download and ds9page.copyText
// in assets/web/index.html).

// ErrNoDownload: the page cannot offer downloads.
var ErrNoDownload = errors.New("this page cannot offer downloads")

// ErrNoClipboard: the page has no clipboard.
var ErrNoClipboard = errors.New("this browser gives the page no clipboard")

func pageCall(method string, args ...any) (v js.Value, err error) {
	page := js.Global().Get("ds9page")
	if !page.Truthy() || page.Get(method).Type() != js.TypeFunction {
		return js.Undefined(), fmt.Errorf("the page has no %s", method)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", method, r)
		}
	}()
	return page.Call(method, args...), nil
}

// Download offers a file to the player as a browser download.
func Download(name string, data []byte) error {
	a := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(a, data)
	v, err := pageCall("download", name, a)
	if err != nil {
		return errors.Join(ErrNoDownload, err)
	}
	if v.Type() == js.TypeString && v.String() != "" {
		return errors.New(v.String())
	}
	return nil
}

// PageURL is the address of the page the game runs in, without its query
// and fragment: the page a link opens.
func PageURL() string {
	loc := js.Global().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// WriteFile is not available in the browser: it offers downloads instead.
func WriteFile(p string, _ []byte) error {
	return errors.New("writing files is not available in the browser: " + p)
}

// DefaultExportDir is none in the browser: files are downloads.
func DefaultExportDir() string { return "" }

// CopyText copies text with the page's clipboard.
func CopyText(text string) error {
	v, err := pageCall("copyText", text)
	if err != nil {
		return errors.Join(ErrNoClipboard, err)
	}
	if v.Type() == js.TypeString && v.String() != "" {
		return errors.New(v.String())
	}
	return nil
}
