package ui

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"hadir/db"
	"hadir/internal/testclock"
	"hadir/model"
)

// reportXSS is a roster name that must show as text, never run.
const reportXSS = "<script>alert(1)</script>"

// reportStore is a realistic morning: 600 arrivals at two gates from 07:00,
// Kab. Balangan signed off and then one of its arrivals annulled, an
// excuse, two replacements (one replaced volunteer comes all the same), a
// walk-in, a departure and a re-arrival, and a merged station's file with a
// second arrival of someone already here, an arrival of a volunteer on no
// roster here, and a second annulment of the annulled arrival.
func reportStore(t testing.TB) (*db.Store, []string) {
	t.Helper()
	roster := append(model.DemoRoster(), model.Volunteer{ID: "JRS-XSS-0001", Name: reportXSS,
		Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L", Phone: "0812<b>5"})
	clock := testclock.New(testClock)
	st := testStoreOn(t, roster, clock)
	ids := dashRosterIDs(st)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dashArriveByQuarter(t, st, clock, ids, []int{5, 12, 20, 34, 51, 66, 78, 70, 61, 50, 40, 33, 25, 20, 15, 12, 8})
	clock.Set(dashWITA(11, 30))
	clock.Step(time.Minute)
	must(st.Confirm("Kab. Balangan", "H. Rahmadi", model.PhaseArrival, dashGate1))
	first, _ := st.Person(ids[7])
	must(st.Annul(first.Arrival.ID, "salah orang", dashGate1))
	must(st.Excuse(ids[650], model.ReasonSick, "demam", dashGate2))
	must(st.Replace(ids[651], ids[652], dashGate2))
	must(st.Replace(ids[653], ids[654], dashGate2))
	must(st.CheckIn(ids[653], dashGate1)) // replaced, and came all the same: counts
	must(st.WalkIn(model.Volunteer{Name: "Gusti <b>Randi</b> Pratama", Contingent: "Kab. Tapin", Pillar: "Tagana", Gender: "L"}, dashGate2))
	must(st.Depart(ids[10], dashGate1))
	must(st.CheckIn(ids[10], dashGate2)) // came back: counted once
	merged := []model.Event{
		{ID: model.EventID("zz9", 1), Kind: model.KindArrive, Volunteer: ids[20], At: dashWITA(9, 40).UTC(), Station: "gerbang 3", Operator: "Dewi"},
		{ID: model.EventID("zz9", 2), Kind: model.KindArrive, Volunteer: "JRS-LUAR-0001", At: dashWITA(9, 41).UTC(), Station: "gerbang 3", Operator: "Dewi"},
		{ID: model.EventID("zz9", 3), Kind: model.KindAnnul, Ref: first.Arrival.ID, Volunteer: ids[7], Reason: "dobel", At: dashWITA(11, 45).UTC(), Station: "gerbang 3", Operator: "Dewi"},
	}
	must(st.Merge(merged, db.Actor{Station: "gerbang 1", Operator: "Rina"}))
	return st, ids
}

func renderReport(t testing.TB, st *db.Store, lang Lang) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReport(&b, st, lang, testClock); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// htmlNode is an element of the report, read with encoding/xml in its
// forgiving HTML mode: enough to find sections and read their text.
type htmlNode struct {
	name     string
	attr     map[string]string
	children []*htmlNode
	text     strings.Builder // all the text inside, children's included
}

func parseReport(t testing.TB, page string) *htmlNode {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(page))
	dec.Strict, dec.AutoClose, dec.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	root := &htmlNode{name: "#document"}
	stack := []*htmlNode{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the report is not well-formed HTML: %v", err)
		}
		if _, ok := tok.(xml.CharData); !ok {
			for _, n := range stack { // elements part words: "601</b><small>Arrived" reads "601 Arrived"
				n.text.WriteByte(' ')
			}
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &htmlNode{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tok)
			}
		}
	}
	if len(stack) != 1 {
		t.Fatalf("the report leaves %d elements open", len(stack)-1)
	}
	return root
}

// find returns the elements below n for which match is true, in order.
func (n *htmlNode) find(match func(*htmlNode) bool) []*htmlNode {
	var out []*htmlNode
	for _, c := range n.children {
		if match(c) {
			out = append(out, c)
		}
		out = append(out, c.find(match)...)
	}
	return out
}

func (n *htmlNode) byID(t testing.TB, id string) *htmlNode {
	t.Helper()
	found := n.find(func(c *htmlNode) bool { return c.attr["id"] == id })
	if len(found) != 1 {
		t.Fatalf("the report has %d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

func (n *htmlNode) tags(name string) []*htmlNode {
	return n.find(func(c *htmlNode) bool { return c.name == name })
}

// words is n's text with runs of white space made one space.
func (n *htmlNode) words() string { return strings.Join(strings.Fields(n.text.String()), " ") }

func TestReportSectionsAndCountReconcile(t *testing.T) {
	st, _ := reportStore(t)
	page := renderReport(t, st, English)
	if p := os.Getenv("HADIR_REPORT_PREVIEW"); p != "" { // to look at it: HADIR_REPORT_PREVIEW=/tmp/r.html
		os.WriteFile(p, []byte(page), 0o644)
	}
	doc := parseReport(t, page)
	for _, id := range []string{"header", "totals", "contingents", "pillars", "arrivals", "missing", "audit",
		"reconciliation", "operators", "annulments", "anomalies"} {
		doc.byID(t, id)
	}
	if n := len(doc.tags("script")); n != 0 || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Errorf("the report must stand alone: %d scripts, or a link to something outside", n)
	}
	if !strings.Contains(page, "size: A4") {
		t.Error("the report does not ask for A4 pages")
	}

	// The fold: 605 arrival events (600 at the gates, the walk-in's, the
	// replaced volunteer's, the re-arrival, two merged), 1 annulled, 2
	// repeated (the merged double and the re-arrival), 1 on no roster here.
	totals := st.Totals()
	var recon reportRecon
	st.Read(func(s *model.State, _ *model.Index) { recon = reconcileArrivals(s, s.Events()) })
	want := reportRecon{Arrivals: 605, WalkIns: 1, Annulled: 1, Repeated: 2, Again: 1, AfterLeaving: 1, Unknown: 1, Computed: 601, Stated: 601}
	if recon != want || totals.Arrived != 601 {
		t.Fatalf("reconciliation %+v, total arrived %d; want %+v", recon, totals.Arrived, want)
	}
	eq := doc.byID(t, "totals").words()
	for _, s := range []string{"601 Arrived", "605 arrival events", "− 1 annulled arrivals", "− 2 repeated arrivals",
		"− 1 arrivals of volunteers on no roster here", "= 601 total arrived", "✓ Balances"} {
		if !strings.Contains(eq, s) {
			t.Errorf("the totals do not say %q:\n%s", s, eq)
		}
	}
	if strings.Contains(page, `id="unbalanced"`) {
		t.Error("a balanced count is reported as unbalanced")
	}

	// Every contingent's row, and the chart's bars add up to the total.
	rows := doc.byID(t, "contingents").tags("tbody")[0].tags("tr")
	var contingents int
	st.Read(func(s *model.State, _ *model.Index) { contingents = len(s.Contingents()) })
	if len(rows) != contingents {
		t.Errorf("%d contingent rows, want %d", len(rows), contingents)
	}
	balangan := rows[0].words()
	for _, s := range []string{"Kab. Balangan", "✗ sign-off no longer valid", "signed off by H. Rahmadi", "1 missing"} {
		if !strings.Contains(balangan, s) {
			t.Errorf("Balangan's row does not say %q: %s", s, balangan)
		}
	}
	if len(doc.byID(t, "contingents").tags("svg")) < contingents {
		t.Error("a contingent row has no bar")
	}
	bars := doc.byID(t, "arrivals").find(func(n *htmlNode) bool { return n.attr["class"] == "col" })
	if len(bars) != 18 { // 17 quarters from 07:00, the rest at 11:30
		t.Errorf("the chart has %d bars", len(bars))
	}
	chart := doc.byID(t, "arrivals").words()
	for _, s := range []string{"07:00", "09:00", "Peak 78 at 08:30", "601 in all"} {
		if !strings.Contains(chart, s) {
			t.Errorf("the chart does not show %q: %s", s, chart)
		}
	}

	// The audit: both gates and the merged one, the annulments with their
	// reasons, and each kind of anomaly.
	ops := doc.byID(t, "operators").words()
	// Columns: arrival, departure, walk-in, excuse, replacement, sign-off,
	// withdrawal, annulment, total.
	for _, s := range []string{"gerbang 1 · Rina 304 1 · · · 1 · 1 307", "gerbang 2 · Yusuf 299 · 1 1 2 · · · 303", "gerbang 3 · Dewi 2 · · · · · · 1 3"} {
		if !strings.Contains(ops, s) {
			t.Errorf("the events by station do not list %q: %s", s, ops)
		}
	}
	header := doc.byID(t, "header").words()
	if !strings.Contains(header, "gerbang 3 (3 events)") {
		t.Errorf("the header does not name the stations with their counts: %s", header)
	}
	ann := doc.byID(t, "annulments").words()
	for _, s := range []string{"Annulments (2)", "salah orang", "dobel", "Rina · gerbang 1", "already annulled by"} {
		if !strings.Contains(ann, s) {
			t.Errorf("the annulments do not say %q: %s", s, ann)
		}
	}
	anomalies := doc.byID(t, "anomalies").words()
	for _, s := range []string{"arrived twice", "gerbang 3 · Dewi", "walk-in (not on the roster)", "Gusti <b>Randi</b> Pratama", "sign-off no longer valid"} {
		if !strings.Contains(anomalies, s) {
			t.Errorf("the anomalies do not say %q: %s", s, anomalies)
		}
	}
	missing := doc.byID(t, "missing")
	if n := len(missing.tags("li")); n != totals.Missing {
		t.Errorf("%d volunteers listed missing, want %d", n, totals.Missing)
	}
}

func TestReportEscapesNames(t *testing.T) {
	st, _ := reportStore(t)
	page := renderReport(t, st, Indonesian)
	if strings.Contains(page, reportXSS) || strings.Contains(page, "<b>Randi") || strings.Contains(page, "0812<b>5") {
		t.Fatal("a name or phone from the roster reached the page as HTML")
	}
	for _, s := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Gusti &lt;b&gt;Randi&lt;/b&gt; Pratama"} {
		if !strings.Contains(page, s) {
			t.Errorf("the page does not show %q as text", s)
		}
	}
	if missing := parseReport(t, page).byID(t, "missing").words(); !strings.Contains(missing, reportXSS+" JRS-XSS-0001 0812<b>5") {
		t.Errorf("the missing list does not show the name as written: %s", missing)
	}
}

// Both languages: each language's page uses its own words (that every text
// is defined in both is TestTextsComplete's).
func TestReportBothLanguages(t *testing.T) {
	st, _ := reportStore(t)
	for lang, words := range map[Lang][]string{
		Indonesian: {`lang="id"`, "Laporan kehadiran", "Per kontingen", "Belum tiba", "Pemeriksaan jumlah", "Dibuat", "catatan kedatangan", testClock.In(testclock.WITA).Format("2006-01-02 15:04 MST"), "3.001"},
		English:    {`lang="en"`, "Attendance report", "By contingent", "Not arrived", "Checking the count", "Made", "arrival events", testClock.In(testclock.WITA).Format("2006-01-02 15:04 MST"), "3,001"},
	} {
		page := renderReport(t, st, lang)
		if p := os.Getenv("HADIR_REPORT_PREVIEW"); p != "" && lang == Indonesian {
			os.WriteFile(strings.TrimSuffix(p, ".html")+"-id.html", []byte(page), 0o644)
		}
		if strings.Contains(page, "«") {
			t.Errorf("%v: a text is missing: %s", lang, regexp.MustCompile(`«[^»]*»`).FindString(page))
		}
		for _, w := range words {
			if !strings.Contains(page, w) {
				t.Errorf("%v: the report does not say %q", lang, w)
			}
		}
	}
}

// A count that does not balance is said at the top, in words, not colour.
func TestReportUnbalancedSaysSoLoudly(t *testing.T) {
	d := &reportData{c: &Common{Lang: English}, Lang: "en", Event: "Jambore"}
	d.Recon = reportRecon{Arrivals: 10, Computed: 10, Stated: 9}
	var b bytes.Buffer
	if err := d.render(&b); err != nil {
		t.Fatal(err)
	}
	alarm := parseReport(t, b.String()).byID(t, "unbalanced").words()
	if !strings.Contains(alarm, "THE COUNT DOES NOT BALANCE") || !strings.Contains(alarm, "Recounted from the log: 10; total arrived (hadir stats): 9") {
		t.Errorf("the alarm says: %s", alarm)
	}
}

func TestReportChartScale(t *testing.T) {
	for peak, step := range map[int]int{1: 1, 5: 1, 6: 2, 10: 2, 11: 5, 78: 20, 100: 20, 101: 50, 1200: 500} {
		if got := reportChartNiceStep(peak); got != step {
			t.Errorf("reportChartNiceStep(%d) = %d, want %d", peak, got, step)
		}
	}
	for quarters, every := range map[int]int{1: 1, 12: 1, 13: 2, 48: 4, 96: 8, 288: 24} {
		if got := reportChartLabelEvery(quarters); got != every {
			t.Errorf("reportChartLabelEvery(%d) = %d, want %d", quarters, got, every)
		}
	}
	// Two days: the labels are local times, and the second day is dated.
	var qs []model.QuarterCount
	for i := range 96 {
		qs = append(qs, model.QuarterCount{Start: dashWITA(16, 0).Add(time.Duration(i) * reportQuarter).UTC(), Count: i % 7})
	}
	ch := newReportChart(&Common{Lang: English}, qs)
	var dates []string
	for _, x := range ch.XTicks {
		if x.Date != "" {
			dates = append(dates, x.Date)
		}
	}
	first := dashWITA(16, 0)
	if want := first.Format("02/01") + " " + first.AddDate(0, 0, 1).Format("02/01"); ch.XTicks[0].Label != "16:00" || strings.Join(dates, " ") != want {
		t.Errorf("first label %q, dates %v", ch.XTicks[0].Label, dates)
	}
}

// The dashboard's p key writes the report beside the store and says where.
func TestDashboardReportKeyWritesBesideTheStore(t *testing.T) {
	st, _ := reportStore(t)
	d, dash := newDashboardDriver(t, st, English, 120, 40)
	p := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")}
	if !dash.CapturesKey(p) || !dashHasHelp(dash.ShortHelp(), "print report") {
		t.Fatal("the dashboard does not take p, or its help does not offer the report")
	}
	d.send(p)
	want := filepath.Join(filepath.Dir(st.Path()), "hadir-report-"+testClock.In(testclock.WITA).Format("20060102-150405")+".html")
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("no report beside the store: %v", err)
	}
	if !bytes.Contains(data, []byte("Attendance report")) || !bytes.Contains(data, []byte("Balances")) {
		t.Error("the file is not the report")
	}
	d.mustShow("✓ Report written: " + filepath.Base(want) + " in " + filepath.Dir(st.Path()))
	if n := strings.Count(d.view(), "\n") + 1; n > 37 {
		t.Errorf("the dashboard draws %d lines in 37", n)
	}
	dash.c.Lang = Indonesian
	d.send(langChangedMsg{})
	d.mustShow("Laporan ditulis:")

	// A store in a folder that cannot be written: the error shows.
	os.Chmod(filepath.Dir(st.Path()), 0o500)
	defer os.Chmod(filepath.Dir(st.Path()), 0o700)
	if os.Getuid() != 0 {
		d.send(p)
		d.mustShow("✗ Laporan tidak tertulis:")
	}
}

// BenchmarkReport is the report of a full jamboree, 3,000 arrived: "read"
// is the time the store's read lock is held (gates wait that long at
// most), "write" the whole report.
func BenchmarkReport(b *testing.B) {
	clock := testclock.New(testClock)
	st := testStoreOn(b, nil, clock)
	ids := dashRosterIDs(st)
	dashArriveByQuarter(b, st, clock, ids, []int{100, 200, 300, 400, 500, 500, 400, 300, 200, 100})
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			st.Read(func(s *model.State, _ *model.Index) { buildReport(s, English) })
		}
	})
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteReport(io.Discard, st, English, testClock); err != nil {
				b.Fatal(err)
			}
		}
	})
}
