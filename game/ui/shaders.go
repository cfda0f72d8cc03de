package ui

import "github.com/hajimehoshi/ebiten/v2"

// The wormhole's mouth: a swirling blue-white vortex. srcPos runs from -1 to
// 1 across the quad.
const wormholeKage = `//kage:unit pixels
package main

var Time float
var Open float

func Fragment(dstPos vec4, srcPos vec2, color vec4) vec4 {
	p := srcPos
	r := length(p)
	if r > 1.0 {
		discard()
	}
	a := atan2(p.y, p.x)
	swirl := sin(a*3.0 + r*14.0 - Time*2.2) * 0.5 + 0.5
	swirl2 := sin(a*5.0 - r*22.0 + Time*3.1) * 0.5 + 0.5
	core := exp(-r*r*9.0)
	edge := smoothstep(1.0, 0.55, r)
	c := vec3(0.25, 0.45, 1.0) * (0.45 + 0.55*swirl) * edge
	c += vec3(0.65, 0.55, 1.0) * swirl2 * 0.35 * edge
	c += vec3(0.95, 0.97, 1.0) * core * 1.3
	alpha := clamp((0.25 + 0.75*swirl*edge) * edge + core, 0.0, 1.0) * Open * color.a
	return vec4(c*alpha, alpha)
}
`

// The Denorios plasma belt: slow, glowing plasma streams. srcPos is the world
// position, so neighbouring hexes join up.
const beltKage = `//kage:unit pixels
package main

var Time float

func hash(p vec2) float {
	return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453)
}

func noise(p vec2) float {
	i := floor(p)
	f := fract(p)
	u := f * f * (3.0 - 2.0*f)
	a := hash(i)
	b := hash(i + vec2(1.0, 0.0))
	c := hash(i + vec2(0.0, 1.0))
	d := hash(i + vec2(1.0, 1.0))
	return mix(mix(a, b, u.x), mix(c, d, u.x), u.y)
}

func Fragment(dstPos vec4, srcPos vec2, color vec4) vec4 {
	p := srcPos / 46.0
	t := Time * 0.25
	n := noise(p + vec2(t, t*0.6)) * 0.55
	n += noise(p*2.1 - vec2(t*1.3, -t*0.4)) * 0.3
	n += noise(p*4.3 + vec2(t*0.7, t*1.7)) * 0.15
	streak := sin(p.x*2.2 + p.y*1.1 + n*5.0 + Time*0.6) * 0.5 + 0.5
	v := n*0.7 + streak*0.3
	c := mix(vec3(0.55, 0.12, 0.35), vec3(1.0, 0.55, 0.25), v)
	c = mix(c, vec3(1.0, 0.9, 0.7), smoothstep(0.78, 0.98, v))
	alpha := (0.18 + 0.5*v) * color.a
	return vec4(c*alpha, alpha)
}
`

var wormholeShader, beltShader *ebiten.Shader

// initShaders compiles the shaders once; on failure the map is drawn without them.
func initShaders() {
	if wormholeShader != nil || beltShader != nil {
		return
	}
	if s, err := ebiten.NewShader([]byte(wormholeKage)); err == nil {
		wormholeShader = s
	} else {
		logf("wormhole shader: %v", err)
	}
	if s, err := ebiten.NewShader([]byte(beltKage)); err == nil {
		beltShader = s
	} else {
		logf("belt shader: %v", err)
	}
}
