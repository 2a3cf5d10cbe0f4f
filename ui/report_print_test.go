package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// requireTool finds a program the test runs. CI installs it (.ci/run), so
// there a missing one fails the test; elsewhere it is skipped, naming the
// package to install.
func requireTool(t *testing.T, pkg string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; CI must install it (apt-get install %s, see .ci/run)", names[0], pkg)
	}
	t.Skipf("%s is not installed (apt-get install %s)", names[0], pkg)
	return ""
}

// printStore is a full jamboree: 3,200 expected, 3,060 check-ins of which
// 60 were annulled (3,000 arrived), and 80 arrivals merged from a third
// gate for people already here: long audit tables that cross pages.
func printStore(t *testing.T) *db.Store {
	clock := testclock.New(testClock)
	st := testStoreOn(t, model.GenerateRoster(3200, model.DemoSeed), clock)
	var ids []string
	st.Read(func(s *model.State, _ *model.Index) {
		for _, v := range s.Volunteers() {
			ids = append(ids, v.ID)
		}
	})
	per := make([]int, 12)
	for i := range per {
		per[i] = 255
	}
	dashArriveByQuarter(t, st, clock, ids, per) // 3,060
	for i := 0; i < 60; i++ {
		p, _ := st.Person(ids[i*50])
		if _, err := st.Annul(p.Arrival.ID, "salah orang", dashGate1); err != nil {
			t.Fatal(err)
		}
	}
	var third []model.Event
	for i := 0; i < 80; i++ {
		third = append(third, model.Event{ID: fmt.Sprintf("g3-%06d", i+1), Kind: model.KindArrive, Volunteer: ids[i*25+1],
			At: dashWITA(11, 0).Add(time.Duration(i) * time.Minute).UTC(), Station: "gerbang 3", Operator: "Dewi"})
	}
	if _, err := st.Merge(third, db.Actor{}); err != nil {
		t.Fatal(err)
	}
	if got := st.Totals().Arrived; got != 3000 {
		t.Fatalf("the store has %d arrived, want 3,000", got)
	}
	if err := st.SetSignatories(db.Signatories{Place: "Taman Kiram, Kab. Banjar", Chair: "H. Rahmadi, S.Sos.",
		Secretary: "Siti Nurhaliza", Witnesses: [2]string{"Gusti Randi", "Andi Pratama"}}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestReportPrintsOnA4 prints the report of 3,000 arrivals with a real
// browser (headless Chromium, A4) and reads the PDF back: the total, the
// balance line and the signature block are there, the block on one page
// with the final total, no table row is split across two pages, and the
// pages are numbered to their count.
func TestReportPrintsOnA4(t *testing.T) {
	chromium := requireTool(t, "chromium", "chromium", "chromium-browser")
	pdftotext := requireTool(t, "poppler-utils", "pdftotext")
	pdfinfo := requireTool(t, "poppler-utils", "pdfinfo")

	st := printStore(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "laporan.html")
	f, err := os.Create(html)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(f, st, Indonesian, testClock); err != nil {
		t.Fatal(err)
	}
	f.Close()
	pdf := filepath.Join(dir, "laporan.pdf")
	if d := os.Getenv("HADIR_KEEP_PDF"); d != "" {
		pdf = filepath.Join(d, "laporan.pdf")
	}
	texts := printPDF(t, chromium, pdftotext, pdfinfo, html, pdf)
	pages := len(texts)
	t.Logf("%d A4 pages", pages)
	// Paper for a committee: the whole report in a handful of pages, each
	// numbered "n / N".
	if pages < 3 || pages > 30 {
		t.Errorf("the report prints on %d pages; want 3 to 30", pages)
	}
	for i, p := range texts {
		if want := fmt.Sprintf("%d / %d", i+1, pages); !strings.Contains(p, want) {
			t.Errorf("page %d is not numbered %q", i+1, want)
		}
	}
	text := strings.Join(texts, "\f")

	all := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{
		"3.000 Tiba", // the total, first page
		"Cocok: sama dengan jumlah tiba menurut `hadir stats` (3.000).", // the balance line
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}

	checkSignaturePage(t, texts, "3.000 dari 3.200")

	// No row cut: each double arrival's row opens with "tiba dua kali" and
	// ends with its second arrival, from gerbang 3 at a minute of its own,
	// the operator under it. The row crosses pages in none of the 80.
	for i := 0; i < 80; i++ {
		second := "2. " + reportClock(dashWITA(11, 0).Add(time.Duration(i)*time.Minute)) + " · gerbang 3"
		checkRowWhole(t, texts, second)
	}
}

// checkRowWhole finds the line of a double arrival's row that holds its
// second arrival, and checks that the row's first line is at most three
// lines above it and its operator just under it, on the same page.
func checkRowWhole(t *testing.T, pages []string, second string) {
	t.Helper()
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		for j, l := range lines {
			if !strings.Contains(l, second) {
				continue
			}
			start := false
			for k := max(0, j-3); k <= j; k++ {
				start = start || strings.Contains(lines[k], "tiba dua kali")
			}
			if !start || j+1 >= len(lines) || !strings.Contains(lines[j+1], "Dewi") {
				t.Errorf("the row ending with %q is cut across pages %d and %d, or broken:\n%s", second, i, i+1, strings.Join(lines[max(0, j-4):min(len(lines), j+2)], "\n"))
			}
			return
		}
	}
	t.Errorf("no row with %q in the printed report", second)
}

// printPDF prints an HTML file to A4 with headless Chromium and returns
// the text of each page, checking the page count against pdfinfo's.
func printPDF(t *testing.T, chromium, pdftotext, pdfinfo, html, pdf string) []string {
	t.Helper()
	// A guard against a hung browser, not a speed test.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(filepath.Dir(html), "profile"), "--print-to-pdf="+pdf, "file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	texts := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
	if len(texts) != pages {
		t.Fatalf("pdftotext read %d pages, pdfinfo says %d", len(texts), pages)
	}
	return texts
}

// checkSignaturePage checks that the signature block is on one page with
// the final total, its place and date, and every signatory's line.
func checkSignaturePage(t *testing.T, texts []string, total string) {
	t.Helper()
	at := -1
	for i, p := range texts {
		if strings.Contains(p, "Pengesahan") {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("the printed report has no signature block")
	}
	page := strings.Join(strings.Fields(texts[at]), " ")
	for _, want := range []string{"Jumlah relawan yang hadir: " + total + " yang diharapkan.",
		"Taman Kiram, Kab. Banjar, " + longDate(testClock, Indonesian), "Ketua Panitia,", "H. Rahmadi, S.Sos.", "Sekretaris,", "Siti Nurhaliza",
		"Saksi 1,", "Gusti Randi", "Saksi 2,", "Andi Pratama"} {
		if !strings.Contains(page, want) {
			t.Errorf("page %d, with the signature block, lacks %q:\n%s", at+1, want, texts[at])
		}
	}
}

// TestReportSignatureBlockNotSplit prints the report with the signature
// block pushed down the page by steps shorter than the block, so that in
// some print it would cross a page break: it must always move whole to the
// next page, with the final total.
func TestReportSignatureBlockNotSplit(t *testing.T) {
	chromium := requireTool(t, "chromium", "chromium", "chromium-browser")
	pdftotext := requireTool(t, "poppler-utils", "pdftotext")
	pdfinfo := requireTool(t, "poppler-utils", "pdfinfo")
	st := testStore(t, nil)
	if err := st.SetSignatories(db.Signatories{Place: "Taman Kiram, Kab. Banjar", Chair: "H. Rahmadi, S.Sos.",
		Secretary: "Siti Nurhaliza", Witnesses: [2]string{"Gusti Randi", "Andi Pratama"}}); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteReport(&buf, st, Indonesian, testClock); err != nil {
		t.Fatal(err)
	}
	report := buf.String()
	if !strings.Contains(report, `<section id="signatures">`) {
		t.Fatal("no signature block")
	}
	for _, push := range []int{0, 60, 120, 180, 240} { // mm; the block is about 100 mm high
		dir := t.TempDir()
		html := filepath.Join(dir, "laporan.html")
		pushed := strings.Replace(report, `<section id="signatures">`, fmt.Sprintf(`<div style="height:%dmm"></div><section id="signatures">`, push), 1)
		if err := os.WriteFile(html, []byte(pushed), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprintf("pushed%dmm", push), func(t *testing.T) {
			checkSignaturePage(t, printPDF(t, chromium, pdftotext, pdfinfo, html, filepath.Join(dir, "laporan.pdf")), "0 dari 3.000")
		})
	}
}
