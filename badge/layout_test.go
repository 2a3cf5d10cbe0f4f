package badge_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"hadir/badge"
)

var pageObject = regexp.MustCompile(`/Type /Page[^s]`)

func pdfPages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// TestLayoutPages: each contingent starts on a new page after its cover,
// badges go by contingent then name, the grid holds 8, 10 or 1 a page, and
// no badge overlaps another or leaves the page.
func TestLayoutPages(t *testing.T) {
	bs := badgesOf(roster100(t))
	sizes := map[string]int{"Kab. Hulu Sungai Selatan": 30, "Kota Banjarbaru": 25, "Jawa Barat": 25, "Kalimantan Timur": 20}
	for _, tc := range []struct {
		layout       badge.Layout
		perPage      int
		coverRows    int // checklist rows on a cover page
		pageW, pageH float64
	}{
		{badge.A4x8, 8, 36, 210, 297},
		{badge.A4x10, 10, 36, 210, 297},
		{badge.A6, 1, 21, 105, 148},
		{badge.Card, 1, 1000, 85.6, 54}, // a card's cover has no list: one page
	} {
		t.Run(string(tc.layout), func(t *testing.T) {
			var out bytes.Buffer
			placed, err := badge.Write(&out, bs, badge.Options{Layout: tc.layout, Code: badge.Code128, Event: "Jambore", Covers: true})
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, n := range sizes {
				want += (n+tc.coverRows-1)/tc.coverRows + (n+tc.perPage-1)/tc.perPage
			}
			if got := pdfPages(out.Bytes()); got != want {
				t.Errorf("%d pages, want %d (a cover and whole sheets per contingent)", got, want)
			}
			perPage := map[int][]badge.Placement{}
			for i, p := range placed {
				perPage[p.Page] = append(perPage[p.Page], p)
				if p.Box.X < 0 || p.Box.Y < 0 || p.Box.X+p.Box.W > tc.pageW+1e-9 || p.Box.Y+p.Box.H > tc.pageH+1e-9 {
					t.Errorf("badge %s at %+v leaves the page", p.Badge.ID, p.Box)
				}
				if i == 0 {
					continue
				}
				prev := placed[i-1]
				if prev.Badge.Contingent != p.Badge.Contingent {
					if p.Page <= prev.Page+1 {
						t.Errorf("contingent %s starts on page %d, right after %s's last badge on page %d: no cover page between", p.Badge.Contingent, p.Page, prev.Badge.Contingent, prev.Page)
					}
					if prev.Badge.Contingent > p.Badge.Contingent {
						t.Errorf("contingent %q after %q", p.Badge.Contingent, prev.Badge.Contingent)
					}
				}
			}
			for page, ps := range perPage {
				if len(ps) > tc.perPage {
					t.Errorf("page %d holds %d badges, want at most %d", page, len(ps), tc.perPage)
				}
				for i := range ps {
					if ps[i].Badge.Contingent != ps[0].Badge.Contingent {
						t.Errorf("page %d mixes contingents %s and %s", page, ps[0].Badge.Contingent, ps[i].Badge.Contingent)
					}
					for j := i + 1; j < len(ps); j++ {
						a, b := ps[i].Box, ps[j].Box
						if a.X < b.X+b.W-1e-9 && b.X < a.X+a.W-1e-9 && a.Y < b.Y+b.H-1e-9 && b.Y < a.Y+a.H-1e-9 {
							t.Errorf("page %d: badges %s and %s overlap", page, ps[i].Badge.ID, ps[j].Badge.ID)
						}
					}
				}
			}
		})
	}
}

// TestBadgesSortedByName: within a contingent, badges go by name the way
// an Indonesian reader sorts (case and accents do not split the list).
func TestBadgesSortedByName(t *testing.T) {
	bs := []badge.Badge{
		{ID: "1", Name: "zainal", Contingent: "B"}, {ID: "2", Name: "Ásmara", Contingent: "B"},
		{ID: "3", Name: "Budi", Contingent: "B"}, {ID: "4", Name: "Citra", Contingent: "A"},
	}
	badge.Sort(bs)
	var got []string
	for _, b := range bs {
		got = append(got, b.Name)
	}
	if want := "Citra Ásmara Budi zainal"; strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, " "), want)
	}
}

// needTool finds a command-line tool the test uses; CI installs it (see
// .ci/run), so there its absence fails the test.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; CI must install it (apt-get install %s, see .ci/run)", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	}
	return path
}

// TestPageTextGolden: the text of the first sheet of badges, as a PDF
// reader extracts it: names with accents come back as written, because
// the font is embedded with its character map.
func TestPageTextGolden(t *testing.T) {
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	bs := badgesOf(roster100(t))[:12] // the first contingent's first 12
	var out bytes.Buffer
	if _, err := badge.Write(&out, bs, badge.Options{Layout: badge.A4x8, Code: badge.Code128, Lang: "id", Event: "Jambore Relawan Sosial PSKS 2026", Covers: true}); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/b.pdf"
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"1", "2"} {
		text, err := exec.Command(pdftotext, "-f", page, "-l", page, "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(text), "\n") {
			if l = strings.TrimRight(l, " \f"); l != "" {
				lines = append(lines, l)
			}
		}
		t.Run("page"+page, func(t *testing.T) { golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n")) })
	}
}

// TestNamesNeverCut: every name of the roster, the longest with titles and
// degrees, is printed whole on its badge (smaller, on two lines), as a PDF
// reader extracts it; no badge carries an ellipsis.
func TestNamesNeverCut(t *testing.T) {
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	bs := badgesOf(roster100(t))
	for _, l := range []badge.Layout{badge.A4x8, badge.Card} {
		for _, code := range []badge.Code{badge.Code128, badge.QR} {
			var out bytes.Buffer
			// No covers: only the badges' text is read.
			if _, err := badge.Write(&out, bs, badge.Options{Layout: l, Code: code, Event: "Jambore"}); err != nil {
				t.Fatal(err)
			}
			path := t.TempDir() + "/b.pdf"
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			text, err := exec.Command(pdftotext, "-raw", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(strings.Fields(string(text)), " ")
			for _, b := range bs {
				if !strings.Contains(all, b.Name) {
					t.Errorf("%s, %s: the name %q is not printed whole", l, code, b.Name)
				}
			}
			if strings.Contains(all, "…") {
				t.Errorf("%s, %s: a badge is cut with an ellipsis", l, code)
			}
		}
	}
}

// TestLongContingentCover: Balangan sends 100: its checklist runs onto
// three cover pages, each numbered, before its 13 sheets.
func TestLongContingentCover(t *testing.T) {
	var bs []badge.Badge
	for i := 0; i < 100; i++ {
		bs = append(bs, badge.Badge{ID: fmt.Sprintf("JRS-BLG-%04d", i+1), Name: fmt.Sprintf("Relawan %03d", i+1), Contingent: "Kabupaten Balangan", Pillar: "Tagana"})
	}
	var out bytes.Buffer
	placed, err := badge.Write(&out, bs, badge.Options{Layout: badge.A4x8, Code: badge.Code128, Lang: "en", Covers: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := pdfPages(out.Bytes()); got != 3+13 {
		t.Errorf("%d pages, want 3 cover pages and 13 sheets", got)
	}
	if placed[0].Page != 4 {
		t.Errorf("the first badge is on page %d, want 4 (after three cover pages)", placed[0].Page)
	}
}
