package input

// Cancel forgets the pointer's press, drag and touches, so that a button or
// finger still down when the window lost the focus neither clicks nor drags
// when it comes back. Keys are released by Ebitengine itself on blur.
func (in *Input) Cancel() {
	in.dragged = true // a release now is not a click
	in.Down = false
	in.Dragging, in.DX, in.DY = false, 0, 0
	in.touching, in.pinchDist = false, 0
	in.touches = in.touches[:0]
}
