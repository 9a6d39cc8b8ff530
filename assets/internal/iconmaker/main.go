// Command iconmaker draws Dossier's application icon: a manila folder with a
// "D" monogram on a dark blue tile. It is run once, by go generate in the
// assets package, and its output is committed; the app never runs it.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const size = 512

// samples per pixel side: 4×4 supersampling smooths the edges.
const samples = 4

// shape reports whether a point of the 512×512 canvas lies inside it.
type shape func(x, y float64) bool

// layer is a shape painted in a colour; later layers cover earlier ones.
type layer struct {
	in    shape
	paint func(x, y float64) color.NRGBA
}

func main() {
	out := flag.String("o", "icon.png", "output `file`")
	flag.Parse()
	if err := write(*out, draw(layers())); err != nil {
		fmt.Fprintln(os.Stderr, "iconmaker:", err)
		os.Exit(1)
	}
}

func layers() []layer {
	navy := color.NRGBA{0x1f, 0x2a, 0x44, 0xff}
	return []layer{
		{roundRect(16, 16, 496, 496, 96), tileGradient},
		{roundRect(88, 118, 236, 190, 20), flat(color.NRGBA{0xc2, 0x86, 0x2b, 0xff})},  // folder tab
		{roundRect(88, 150, 424, 404, 24), flat(color.NRGBA{0xc2, 0x86, 0x2b, 0xff})},  // folder back
		{roundRect(116, 136, 396, 300, 10), flat(color.NRGBA{0xf5, 0xf2, 0xea, 0xff})}, // sheet of paper
		{roundRect(88, 192, 424, 404, 24), flat(color.NRGBA{0xf1, 0xbb, 0x52, 0xff})},  // folder front
		{monogramD(242, 298, 74, 27), flat(navy)},
	}
}

// tileGradient darkens the tile slightly towards the bottom.
func tileGradient(_, y float64) color.NRGBA {
	t := y / size
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t) }
	return color.NRGBA{mix(0x34, 0x1c), mix(0x4a, 0x27), mix(0x78, 0x45), 0xff}
}

func flat(c color.NRGBA) func(x, y float64) color.NRGBA {
	return func(_, _ float64) color.NRGBA { return c }
}

// roundRect is the rectangle (x0,y0)-(x1,y1) with corners of radius r.
func roundRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return math.Hypot(x-cx, y-cy) <= r
	}
}

// monogramD is a "D" whose bowl is centred at (cx, cy) with outer radius r
// and stroke width w: a stem on the left, two bars, and a half ring.
func monogramD(cx, cy, r, w float64) shape {
	stemLeft := cx - 46
	return func(x, y float64) bool {
		if y < cy-r || y > cy+r {
			return false
		}
		if x >= stemLeft && x <= stemLeft+w {
			return true // stem
		}
		if x > stemLeft && x <= cx && (y <= cy-r+w || y >= cy+r-w) {
			return true // top and bottom bars
		}
		d := math.Hypot(x-cx, y-cy)
		return x > cx && d <= r && d >= r-w // bowl
	}
}

// draw renders the layers with supersampling into a transparent image.
func draw(ls []layer) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := range size {
		for px := range size {
			img.SetNRGBA(px, py, pixel(ls, float64(px), float64(py)))
		}
	}
	return img
}

// pixel averages the colour of the topmost layer over the pixel's samples;
// samples outside every layer are transparent.
func pixel(ls []layer, px, py float64) color.NRGBA {
	var r, g, b, hits float64
	for sy := range samples {
		for sx := range samples {
			x := px + (float64(sx)+0.5)/samples
			y := py + (float64(sy)+0.5)/samples
			for i := len(ls) - 1; i >= 0; i-- {
				if ls[i].in(x, y) {
					c := ls[i].paint(x, y)
					r, g, b, hits = r+float64(c.R), g+float64(c.G), b+float64(c.B), hits+1
					break
				}
			}
		}
	}
	if hits == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{
		R: uint8(math.Round(r / hits)),
		G: uint8(math.Round(g / hits)),
		B: uint8(math.Round(b / hits)),
		A: uint8(math.Round(255 * hits / samples / samples)),
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
