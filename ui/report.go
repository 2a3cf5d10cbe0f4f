package ui

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"time"

	"hadir/db"
	"hadir/model"
	"hadir/version"
)

// The printable report (`hadir report`, and the dashboard's p key): one
// self-contained HTML page with the count, the contingents, who is missing,
// and an audit of the event log that anyone can check the count against.

//go:embed report.tmpl
var reportSource string

var reportTemplate = template.Must(template.New("report").Parse(reportSource))

// WriteReport writes the report of the store, as of now, in lang to w. It
// copies what it needs out of the store under its read lock and renders
// afterwards, so gates are not held up while the page is written.
func WriteReport(w io.Writer, st *db.Store, lang Lang, now time.Time) error {
	var data *reportData
	event, station, sign := st.EventName(), st.StationName(), st.Signatories()
	st.Read(func(s *model.State, _ *model.Index) {
		data = buildReport(s, lang)
		data.Chains = model.ChainHeads(s.Events())
	})
	data.Event, data.Station, data.Made = event, station, now.Local().Format("2006-01-02 15:04 MST")
	data.Version = version.Read().Describe() // five laptops may carry five builds
	data.Sign = newReportSign(data.c, sign, now)
	return data.render(w)
}

// reportData is everything the report shows, as plain values: it shares
// nothing with the State.
type reportData struct {
	c    *Common // texts and numbers in the report's language
	Lang string  // "id" or "en", for <html lang>

	Event, Station, Made string
	Version              string // the hadir build that wrote the report
	EventCount           int
	Stations             []reportCount     // events per station
	Chains               []model.ChainHead // each station's hash chain: evidence the events are these
	Total                model.Tally
	Contingents          []reportRow
	Pillars              []reportRow
	Chart                reportChart
	Missing              []reportMissing
	Kinds                []string // the audit's event kinds, in column order, translated
	Operators            []reportOperator
	Annulments           []reportAnnulment
	Anomalies            []reportAnomaly
	Recon                reportRecon
	Sign                 reportSign // the signature block at the end
}

type reportCount struct {
	Name  string
	Count int
}

// reportRow is one contingent's or pillar's line.
type reportRow struct {
	Name string
	model.Tally
	Bar reportBar
	// Contingents only: the arrival sign-off and the departure sign-off.
	SignOff, DepartSignOff reportSignOff
}

// reportSignOff is a standing sign-off: who and when, and whether it still
// holds.
type reportSignOff struct {
	Leader, At string
	Valid      bool
}

// Signed reports whether a sign-off stands.
func (s reportSignOff) Signed() bool { return s.At != "" }

type reportMissing struct {
	Contingent string
	People     []reportPerson
}

type reportPerson struct{ Name, ID, Phone string }

// reportOperator is what one operator recorded at one station.
type reportOperator struct {
	Station, Operator string
	Counts            []int // by reportKinds
	Total             int
}

// reportKinds are the audit table's columns.
var reportKinds = []model.Kind{model.KindArrive, model.KindDepart, model.KindWalkIn, model.KindExcuse,
	model.KindReplace, model.KindConfirm, model.KindWithdraw, model.KindAnnul}

type reportAnnulment struct {
	At, Station, Operator, Reason string
	Target                        string // the annulled event's ID
	TargetKind                    string // translated
	TargetAt                      string
	Who                           string // the volunteer (name and ID) or contingent it concerned
	SupersededBy                  string // an earlier annulment of the same event, which is the one that counts
}

type reportAnomaly struct {
	Kind   string // "double", "walkin" or "signoff": the template's switch
	At     string
	Name   string // the volunteer's name, or the contingent
	ID     string
	Detail string   // contingent; or the sign-off's leader
	Stamps []string // double arrivals: every arrival (time · station · operator); walk-in: the registration
	Count  int      // sign-off: missing now
}

// reportRecon replays the event log to check the count: every arrival
// event, less the annulled ones, less the repeated arrivals of someone
// already counted, less the arrivals of volunteers no roster here knows,
// must equal the State's total arrived.
type reportRecon struct {
	Arrivals     int // arrive events in the log, annulled or not
	WalkIns      int // of which walk-ins' arrivals
	Annulled     int // arrivals cancelled by an annulment
	Repeated     int // standing arrivals of someone already counted
	Again        int //   of which while still on site (double arrivals)
	AfterLeaving int //   of which after a departure (re-arrivals)
	Unknown      int // standing arrivals of volunteers on no roster here (counted once the roster is imported)
	Void         int // standing arrivals of walk-ins whose registration was annulled
	Computed     int // Arrivals − Annulled − Repeated − Unknown − Void
	Stated       int // the State's total: what `hadir stats` says
}

// Balanced reports whether the replay agrees with the count.
func (r reportRecon) Balanced() bool { return r.Computed == r.Stated }

// T is a text in the report's language.
func (d *reportData) T(key string, args ...any) string { return d.c.T(key, args...) }

// N is a count with the language's thousands separator.
func (d *reportData) N(n int) string { return d.c.Number(n) }

// Percent is part of whole as a rounded percentage.
func (d *reportData) Percent(part, whole int) string { return dashPercent(d.c, part, whole) }

// MissingTotal is the number of volunteers listed as missing.
func (d *reportData) MissingTotal() int {
	n := 0
	for _, m := range d.Missing {
		n += len(m.People)
	}
	return n
}

func (d *reportData) render(w io.Writer) error {
	if err := reportTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// reportClock is how the report shows a time: local, to the second where
// the audit needs it.
func reportClock(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

// buildReport copies and works out everything the report shows from a
// State. It costs one pass over the events and one over the volunteers.
func buildReport(s *model.State, lang Lang) *reportData {
	d := &reportData{c: &Common{Lang: lang}, Lang: []string{"id", "en"}[lang]}
	d.Total = s.Totals()
	d.EventCount = s.EventCount()
	for _, c := range s.Contingents() {
		row := reportRow{Name: c.Name, Tally: c.Tally, Bar: newReportBar(c.Tally)}
		if c.Confirm != nil {
			row.SignOff = reportSignOff{Leader: c.Confirm.Leader, At: reportClock(c.Confirm.At), Valid: c.ConfirmValid}
		}
		if c.DepartConfirm != nil {
			row.DepartSignOff = reportSignOff{Leader: c.DepartConfirm.Leader, At: reportClock(c.DepartConfirm.At), Valid: c.DepartConfirmValid}
		}
		d.Contingents = append(d.Contingents, row)
		var people []reportPerson
		for _, id := range s.Members(c.Name) {
			if p, ok := s.Person(id); ok && p.Status == model.StatusMissing {
				people = append(people, reportPerson{Name: p.Name, ID: p.ID, Phone: p.Phone})
			}
		}
		if len(people) > 0 {
			d.Missing = append(d.Missing, reportMissing{Contingent: c.Name, People: people})
		}
	}
	for _, p := range s.Pillars() {
		name := p.Pillar
		if name == "" {
			name = d.T("report.no_pillar")
		}
		d.Pillars = append(d.Pillars, reportRow{Name: name, Tally: p.Tally, Bar: newReportBar(p.Tally)})
	}
	d.Chart = newReportChart(d.c, s.ArrivalsPerQuarter())
	events := s.Events()
	d.Recon = reconcileArrivals(s, events)
	d.audit(s, events)
	for _, a := range s.Anomalies() {
		d.Anomalies = append(d.Anomalies, reportAnomalyOf(s, a))
	}
	return d
}

// reconcileArrivals replays the arrivals and departures of the event log
// with the fold's rules, independently of the State's running tallies: an
// annulled arrival does not count; an arrival of someone already counted
// does not count again, whether they are still on site (a double arrival,
// from a merged station) or came back after a departure; an arrival of a
// volunteer no roster here knows does not count until the roster that has
// them is imported. A replaced volunteer who arrived all the same counts.
func reconcileArrivals(s *model.State, events []model.Event) reportRecon {
	r := reportRecon{Stated: s.Totals().Arrived}
	type mark struct{ counted, onSite bool }
	seen := map[string]*mark{}
	for _, e := range events {
		switch e.Kind {
		case model.KindArrive:
			r.Arrivals++
			p, known := s.Person(e.Volunteer)
			if known && p.Source == model.SourceWalkIn {
				r.WalkIns++
			}
			if _, annulled := s.Annulment(e.ID); annulled {
				r.Annulled++
				continue
			}
			if !known {
				r.Unknown++
				continue
			}
			if p.Status == model.StatusVoid {
				r.Void++
				continue
			}
			// By the ID the person is known by now: arrivals under an ID a
			// re-ID replaced are the same person's.
			m := seen[p.ID]
			if m == nil {
				m = &mark{}
				seen[p.ID] = m
			}
			switch {
			case m.onSite:
				r.Repeated++
				r.Again++
			case m.counted:
				r.Repeated++
				r.AfterLeaving++
			}
			m.counted, m.onSite = true, true
		case model.KindDepart:
			if _, annulled := s.Annulment(e.ID); !annulled {
				if m := seen[s.CanonicalID(e.Volunteer)]; m != nil {
					m.onSite = false
				}
			}
		}
	}
	r.Computed = r.Arrivals - r.Annulled - r.Repeated - r.Unknown - r.Void
	return r
}

// audit counts the events per station and per operator, and lists the
// annulments.
func (d *reportData) audit(s *model.State, events []model.Event) {
	for _, k := range reportKinds {
		d.Kinds = append(d.Kinds, d.kindName(k))
	}
	column := map[model.Kind]int{}
	for i, k := range reportKinds {
		column[k] = i
	}
	stations := map[string]int{}
	ops := map[[2]string]*reportOperator{}
	for _, e := range events {
		stations[e.Station]++
		key := [2]string{e.Station, e.Operator}
		op := ops[key]
		if op == nil {
			op = &reportOperator{Station: e.Station, Operator: e.Operator, Counts: make([]int, len(reportKinds))}
			ops[key] = op
		}
		if i, ok := column[e.Kind]; ok {
			op.Counts[i]++
		}
		op.Total++
		if e.Kind == model.KindAnnul {
			d.Annulments = append(d.Annulments, d.annulmentOf(s, e))
		}
	}
	for name, n := range stations {
		d.Stations = append(d.Stations, reportCount{Name: name, Count: n})
	}
	sort.Slice(d.Stations, func(i, j int) bool { return d.Stations[i].Name < d.Stations[j].Name })
	for _, op := range ops {
		d.Operators = append(d.Operators, *op)
	}
	sort.Slice(d.Operators, func(i, j int) bool {
		a, b := d.Operators[i], d.Operators[j]
		if a.Station != b.Station {
			return a.Station < b.Station
		}
		return a.Operator < b.Operator
	})
}

// reportKindText names each event kind as a noun, for the report's tables.
var reportKindText = map[model.Kind]string{
	model.KindArrive:   "report.kind_arrive",
	model.KindDepart:   "report.kind_depart",
	model.KindWalkIn:   "report.kind_walkin",
	model.KindExcuse:   "report.kind_excuse",
	model.KindReplace:  "report.kind_replace",
	model.KindConfirm:  "report.kind_confirm",
	model.KindWithdraw: "report.kind_withdraw",
	model.KindAnnul:    "report.kind_annul",
}

func (d *reportData) kindName(k model.Kind) string {
	if key, ok := reportKindText[k]; ok {
		return d.T(key)
	}
	return string(k)
}

// reportVolunteerName is "Name (ID)", or the ID alone for a volunteer no
// roster here knows.
func reportVolunteerName(s *model.State, id string) string {
	if p, ok := s.Person(id); ok && p.Name != "" {
		return p.Name + " (" + id + ")"
	}
	return id
}

func (d *reportData) annulmentOf(s *model.State, a model.Event) reportAnnulment {
	out := reportAnnulment{At: reportClock(a.At), Station: a.Station, Operator: a.Operator, Reason: a.Reason, Target: a.Ref}
	if t, ok := s.Event(a.Ref); ok {
		out.TargetKind, out.TargetAt = d.kindName(t.Kind), reportClock(t.At)
		switch {
		case t.Kind == model.KindConfirm || t.Kind == model.KindWithdraw:
			out.Who = t.Contingent
		case t.Volunteer != "":
			out.Who = reportVolunteerName(s, t.Volunteer)
		}
	} else {
		out.TargetKind = d.T("report.annul_unknown_event")
	}
	if first, ok := s.Annulment(a.Ref); ok && first.ID != a.ID {
		out.SupersededBy = first.ID
	}
	return out
}

// reportStamp is when, where and by whom an event was recorded.
func reportStamp(e *model.Event) string {
	if e == nil {
		return ""
	}
	return reportClock(e.At) + " · " + e.Station + " · " + orDash(e.Operator)
}

func reportAnomalyOf(s *model.State, a model.Anomaly) reportAnomaly {
	out := reportAnomaly{At: reportClock(a.At), Name: a.Volunteer, ID: a.Volunteer}
	switch a.Kind {
	case model.AnomalyDoubleArrival, model.AnomalyWalkIn:
		out.Kind = "double"
		if a.Kind == model.AnomalyWalkIn {
			out.Kind = "walkin"
		}
		p, ok := s.Person(a.Volunteer)
		if !ok {
			break
		}
		out.Name, out.Detail = p.Name, p.Contingent
		out.Stamps = append(out.Stamps, reportStamp(p.Arrival))
		if a.Kind == model.AnomalyDoubleArrival {
			for _, e := range p.Duplicates {
				out.Stamps = append(out.Stamps, reportStamp(e))
			}
		}
	case model.AnomalySignOffInvalid:
		out.Kind, out.Name, out.ID = "signoff", a.Contingent, ""
		if c, ok := s.Contingent(a.Contingent); ok {
			out.Count = c.Missing
			if c.Confirm != nil {
				out.Detail = c.Confirm.Leader
			}
		}
	}
	return out
}
