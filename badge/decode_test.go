package badge_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"
	"github.com/makiuchi-d/gozxing/qrcode"

	"hadir/badge"
)

// raster draws a placed code as a 300 dpi printer does: the same bar
// rectangles the PDF holds, quiet zone included, one pixel per dot.
func raster(t *testing.T, p badge.Placed) image.Image {
	px := func(mm float64) int {
		v := mm / badge.Dot
		if math.Abs(v-math.Round(v)) > 1e-6 {
			t.Fatalf("%v mm is not a whole number of 300 dpi dots", mm)
		}
		return int(math.Round(v))
	}
	w, h := px(p.Box.W), int(math.Ceil(p.Box.H/badge.Dot))
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, r := range p.Bars() {
		x0, x1 := px(r.X-p.Box.X), px(r.X+r.W-p.Box.X)
		y0, y1 := int(math.Round((r.Y-p.Box.Y)/badge.Dot)), int(math.Round((r.Y+r.H-p.Box.Y)/badge.Dot))
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.SetGray(x, y, color.Gray{})
			}
		}
	}
	return img
}

// TestEveryBarcodeDecodes prints badges for a roster of 100 (long names,
// accents, IDs of every shape) with each code, and reads every barcode
// back with a decoder, from the bars the PDF draws at 300 dpi.
func TestEveryBarcodeDecodes(t *testing.T) {
	bs := badgesOf(roster100(t))
	for _, code := range []badge.Code{badge.Code128, badge.QR} {
		t.Run(string(code), func(t *testing.T) {
			var out bytes.Buffer
			placed, err := badge.Write(&out, bs, badge.Options{Layout: badge.A4x8, Code: code, Event: "Jambore Relawan Sosial PSKS 2026", Covers: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(placed) != len(bs) {
				t.Fatalf("%d badges placed, want %d", len(placed), len(bs))
			}
			for _, pl := range placed {
				p := pl.Code
				checkSymbolSize(t, pl)
				bmp, err := gozxing.NewBinaryBitmapFromImage(raster(t, p))
				if err != nil {
					t.Fatal(err)
				}
				var res *gozxing.Result
				if code == badge.Code128 {
					res, err = oned.NewCode128Reader().Decode(bmp, nil)
				} else {
					res, err = qrcode.NewQRCodeReader().Decode(bmp, nil)
				}
				if err != nil {
					t.Errorf("the badge of %q (%s): the barcode does not decode: %v", pl.Badge.Name, pl.Badge.ID, err)
					continue
				}
				if res.GetText() != pl.Badge.ID {
					t.Errorf("the badge of %q reads %q, want its ID %q", pl.Badge.Name, res.GetText(), pl.Badge.ID)
				}
			}
		})
	}
}

// checkSymbolSize holds a code to what scanners are specified for: module
// width, quiet zone, bar height, and inside its badge.
func checkSymbolSize(t *testing.T, pl badge.Placement) {
	t.Helper()
	p, box := pl.Code, pl.Box
	if p.Code == badge.Code128 {
		if p.Module < 0.19 || p.Module > 0.53 {
			t.Errorf("%s: bar module %.3f mm, outside 0.19 to 0.53 mm", pl.Badge.ID, p.Module)
		}
		if p.Quiet < 10 {
			t.Errorf("%s: quiet zone of %d modules, want 10", pl.Badge.ID, p.Quiet)
		}
		if w := float64(p.Cols) * p.Module; p.BarH < 6.35 || p.BarH < 0.15*w-1e-9 {
			t.Errorf("%s: bars %.1f mm high for a %.1f mm wide code: want at least 6.35 mm and 15%%", pl.Badge.ID, p.BarH, w)
		}
	} else if p.Quiet < 4 || p.Module < 0.25 {
		t.Errorf("%s: QR module %.3f mm, quiet zone %d", pl.Badge.ID, p.Module, p.Quiet)
	}
	if p.Box.X < box.X || p.Box.Y < box.Y || p.Box.X+p.Box.W > box.X+box.W || p.Box.Y+p.Box.H > box.Y+box.H {
		t.Errorf("%s: the code with its quiet zone %+v leaves its badge %+v", pl.Badge.ID, p.Box, box)
	}
}

// TestUnscannableIDRefused: an ID with a letter a scanner cannot type, or
// too long for the badge, refuses the file and names the volunteer.
func TestUnscannableIDRefused(t *testing.T) {
	bs := badgesOf(roster100(t))
	bs = append(bs,
		badge.Badge{ID: "Ñ-0001", Name: "Nuñez Pérez", Contingent: "Jawa Barat"},
		badge.Badge{ID: "PSKS-KALIMANTAN-SELATAN-2026-0000001", Name: "Panjang Sekali", Contingent: "Jawa Barat"})
	var out bytes.Buffer
	_, err := badge.Write(&out, bs, badge.Options{Layout: badge.A4x8, Code: badge.Code128})
	if err == nil {
		t.Fatal("badges with unscannable IDs were written")
	}
	for _, want := range []string{"2 badge(s)", "Nuñez Pérez", "Panjang Sekali", "--code qr", "nothing was written"} {
		if !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("the refusal does not say %q:\n%v", want, err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written before the refusal", out.Len())
	}
	// The long ID fits as a QR code.
	if _, err := badge.Write(&out, bs[len(bs)-1:], badge.Options{Layout: badge.A4x8, Code: badge.QR}); err != nil {
		t.Errorf("a long ID as QR: %v", err)
	}
}

// TestPrintedPageDecodes renders a sheet of the PDF itself at 300 dpi, as
// a printer would (pdftoppm), and decodes each badge's code from the
// picture: the rectangles in the file are the bars the tests decode.
func TestPrintedPageDecodes(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm", "poppler-utils")
	bs := badgesOf(roster100(t))[:8]
	for _, code := range []badge.Code{badge.Code128, badge.QR} {
		t.Run(string(code), func(t *testing.T) {
			var out bytes.Buffer
			placed, err := badge.Write(&out, bs, badge.Options{Layout: badge.A4x8, Code: code, Event: "Jambore"})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "b.pdf"), out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if msg, err := exec.Command(pdftoppm, "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", filepath.Join(dir, "b.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, msg)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
			if len(files) != 1 {
				t.Fatalf("pdftoppm made %v", files)
			}
			f, err := os.Open(files[0])
			if err != nil {
				t.Fatal(err)
			}
			page, err := png.Decode(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			px := func(mm float64) int { return int(math.Round(mm / badge.Dot)) }
			for _, pl := range placed {
				b := pl.Code.Box
				crop := image.NewGray(image.Rect(0, 0, px(b.W), px(b.H)))
				for y := 0; y < crop.Rect.Dy(); y++ {
					for x := 0; x < crop.Rect.Dx(); x++ {
						crop.Set(x, y, page.At(px(b.X)+x, px(b.Y)+y))
					}
				}
				bmp, _ := gozxing.NewBinaryBitmapFromImage(crop)
				var res *gozxing.Result
				if code == badge.Code128 {
					res, err = oned.NewCode128Reader().Decode(bmp, nil)
				} else {
					res, err = qrcode.NewQRCodeReader().Decode(bmp, nil)
				}
				if err != nil {
					t.Errorf("the printed badge of %s does not decode: %v", pl.Badge.ID, err)
					continue
				}
				if res.GetText() != pl.Badge.ID {
					t.Errorf("the printed badge of %s reads %q", pl.Badge.ID, res.GetText())
				}
			}
		})
	}
}
