//go:build js

package ui

import (
	"errors"
	"fmt"
	"log"
	"path"
	"strings"
	"syscall/js"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/scene"
)

// Scenario files from the page: the title's "Open a scenario file…" opens
// a file picker (an <input type=file> the game makes), and the page hands
// over .yaml files dropped on it (ds9.openScenarioFiles, from its drop
// handler). The files are read as they come (File.arrayBuffer) and opened
// together on the next update (scene.Manager.OpenScenarioFiles).

// maxPickedFiles bounds the files read from one pick or drop.
const maxPickedFiles = 32

// pickScenarioFiles opens the page's file picker for scenario files.
func (web *webPage) pickScenarioFiles() {
	doc := js.Global().Get("document")
	if !web.picker.Truthy() {
		in := doc.Call("createElement", "input")
		in.Set("type", "file")
		in.Set("accept", ".yaml,.yml")
		in.Set("multiple", true)
		in.Get("style").Set("display", "none")
		change := js.FuncOf(func(this js.Value, args []js.Value) any {
			web.readScenarioFiles(in.Get("files"))
			in.Set("value", "") // the same file picked again is a change
			return nil
		})
		web.funcs = append(web.funcs, change)
		in.Call("addEventListener", "change", change)
		doc.Get("body").Call("appendChild", in)
		web.picker = in
	}
	// The player's click is a moment ago (this frame's input): the browser
	// lets the page open the picker.
	web.picker.Call("click")
}

// readScenarioFiles reads files (a FileList or an array of File) and
// queues them, together, to be opened; a file over the size limit is not
// read (the game says it is too large).
func (web *webPage) readScenarioFiles(list js.Value) {
	if !list.Truthy() {
		return
	}
	n := min(list.Get("length").Int(), maxPickedFiles)
	if n == 0 {
		return
	}
	files := make([]scene.UserFile, n)
	left := n
	var errs []string
	done := func() {
		left--
		if left > 0 {
			return
		}
		web.mu.Lock()
		defer web.mu.Unlock()
		if len(errs) > 0 {
			web.scenErrs = append(web.scenErrs, errs...)
			return
		}
		web.scenFiles = append(web.scenFiles, files)
	}
	for i := range n {
		f := list.Index(i)
		name := f.Get("name").String()
		files[i].Name = name
		if ext := strings.ToLower(path.Ext(name)); ext != ".yaml" && ext != ".yml" {
			done() // not read: the game says it is not a scenario file
			continue
		}
		if size := f.Get("size").Int(); size > scenario.MaxFileSize {
			// Not read: an empty stand-in would not say why; the size does.
			errs = append(errs, fmt.Sprintf("%s: file is %d bytes, the limit is %d", name, size, scenario.MaxFileSize))
			done()
			continue
		}
		var then, fail js.Func
		release := func() { then.Release(); fail.Release() }
		then = js.FuncOf(func(this js.Value, args []js.Value) any {
			b := js.Global().Get("Uint8Array").New(args[0])
			files[i].Data = make([]byte, b.Get("length").Int())
			js.CopyBytesToGo(files[i].Data, b)
			release()
			done()
			return nil
		})
		fail = js.FuncOf(func(this js.Value, args []js.Value) any {
			msg := "could not be read"
			if len(args) > 0 && args[0].Truthy() {
				msg = args[0].Call("toString").String()
			}
			errs = append(errs, fmt.Sprintf("%s: %s", name, msg))
			release()
			done()
			return nil
		})
		f.Call("arrayBuffer").Call("then", then, fail)
	}
}

// openScenarioFiles opens the scenario files the page handed over, on the
// game's update.
func (web *webPage) openScenarioFiles(g *Game) {
	web.mu.Lock()
	picks, errs := web.scenFiles, web.scenErrs
	web.scenFiles, web.scenErrs = nil, nil
	web.mu.Unlock()
	if len(errs) > 0 {
		g.m.ShowError(errors.New(strings.Join(errs, "; ")))
	}
	for _, files := range picks {
		if err := g.m.OpenScenarioFiles(files); err != nil {
			log.Printf("scenario files: %v", err)
		}
	}
}
