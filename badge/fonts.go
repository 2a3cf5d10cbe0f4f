package badge

import (
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The Go fonts (BSD licence, see README) cover the Latin letters with
// accents of Indonesian and other names. fpdf embeds only the glyphs used.
const (
	sans = "gosans"
	mono = "gomono"
)

func addFonts(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(sans, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(sans, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(mono, "", gomono.TTF)
	pdf.AddUTF8FontFromBytes(mono, "B", gomonobold.TTF)
}
